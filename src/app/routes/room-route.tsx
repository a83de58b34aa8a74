import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../features/auth/use-session';
import { recordingQueries } from '../../features/recordings/recordings-queries';
import { RecordingsBrowser } from '../../features/recordings/recordings-browser';
import { useDocumentTitle } from '../use-document-title';

/** One room's recordings, fetched with the API's `room_id` rather than the whole account. */
export function RoomRoute() {
  const session = useSession()!;
  const roomId = useParams().roomId ?? '';
  useDocumentTitle(`Room ${roomId}`);
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/">All recordings</Link> <span aria-hidden="true">/</span> <span>Room</span>
      </nav>
      <div className="page-header">
        <h1>
          Room <span className="room-name">{roomId}</span>
        </h1>
      </div>
      <RecordingsBrowser
        key={roomId}
        query={recordingQueries.room(session.clientId, roomId)}
        label={`Recordings in room ${roomId}`}
        exportName={`room-${roomId.replace(/[^\w.-]+/g, '_')}`}
        showRoomFilter={false}
        emptyMessage={`Room “${roomId}” has no recordings. Check the room id, or come back after a class has been recorded there.`}
      />
    </>
  );
}
