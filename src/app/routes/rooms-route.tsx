import { useSession } from '../../features/auth/use-session';
import { recordingQueries } from '../../features/recordings/recordings-queries';
import { RoomsOverview } from '../../features/rooms/rooms-overview';
import { useDocumentTitle } from '../use-document-title';

/** Every room of the account, derived from its whole list (the same cache entry as "All recordings"). */
export function RoomsRoute() {
  const session = useSession()!;
  useDocumentTitle('Rooms');
  return (
    <>
      <div className="page-header">
        <h1>Rooms</h1>
      </div>
      <RoomsOverview query={recordingQueries.all(session.clientId)} />
    </>
  );
}
