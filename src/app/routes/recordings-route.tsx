import { useSession } from '../../features/auth/use-session';
import { recordingQueries } from '../../features/recordings/recordings-queries';
import { RecordingsBrowser } from '../../features/recordings/recordings-browser';
import { useDocumentTitle } from '../use-document-title';

export function RecordingsRoute() {
  const session = useSession()!;
  useDocumentTitle('All recordings');
  return (
    <>
      <div className="page-header">
        <h1>All recordings</h1>
      </div>
      <RecordingsBrowser
        query={recordingQueries.all(session.clientId)}
        label="All recordings"
        exportName="recordings"
        emptyMessage="This account has no recordings yet. They appear here as soon as a classroom records one."
      />
    </>
  );
}
