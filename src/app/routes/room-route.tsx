import { Fragment } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useSession } from '../../features/auth/use-session';
import { recordingQueries } from '../../features/recordings/recordings-queries';
import { RecordingsBrowser } from '../../features/recordings/recordings-browser';
import { readRoomPath } from '../../features/rooms/room-links';
import { RoomHeader } from '../../features/rooms/room-header';
import { useDocumentTitle } from '../use-document-title';

/** One room's recordings, fetched with the API's `room_id` rather than the whole account. */
export function RoomRoute() {
  const session = useSession()!;
  const { pathname } = useLocation();
  const params = useParams();
  // The raw path, not the router's param, keeps ids holding "%2F" intact (see readRoomPath).
  const roomId = readRoomPath(pathname) ?? params.roomId ?? '';
  const query = recordingQueries.room(session.clientId, roomId);
  useDocumentTitle(`Room ${roomId}`);
  return (
    // Keyed by room: another room's page starts fresh (scroll, focus, local state).
    <Fragment key={roomId}>
      <RoomHeader clientId={session.clientId} roomId={roomId} query={query} />
      <RecordingsBrowser
        query={query}
        label={`Recordings in room ${roomId}`}
        exportName={`room-${roomId.replace(/[^\w.-]+/g, '_')}`}
        showRoomFilter={false}
        emptyMessage={`Room “${roomId}” has no recordings. Check the room id, or come back after a class has been recorded there.`}
      />
    </Fragment>
  );
}
