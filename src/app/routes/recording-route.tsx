import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ErrorPanel } from '../../components/error-panel';
import { useSession } from '../../features/auth/use-session';
import { LecturePlayer } from '../../features/player/lecture-player';
import { formatDateTime } from '../../features/recordings/format';
import { playbackFor } from '../../features/recordings/playback';
import { RecordingDetails } from '../../features/recordings/recording-details';
import { roomPath } from '../../features/recordings/recording-links';
import { useRecording } from '../../features/recordings/use-recording';
import { useDocumentTitle } from '../use-document-title';

/** A recording's own page: the player, then everything the API knows about it. */
export function RecordingRoute() {
  const session = useSession()!;
  const recordingId = useParams().recordingId ?? '';
  const [params] = useSearchParams();
  const roomId = params.get('room');
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const backTo = from ?? (roomId ? roomPath(roomId) : '/');
  const { recording, complete, error, isError, refetch } = useRecording(session.clientId, recordingId, roomId);

  const title = recording ? `${recording.roomId || 'Recording'} · ${formatDateTime(recording.createdAt)}` : 'Recording';
  useDocumentTitle(title);

  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={backTo}>← Back to the list</Link>
    </nav>
  );

  if (!recording) {
    if (isError) {
      return (
        <>
          {back}
          <ErrorPanel
            title="This recording could not be loaded"
            error={error}
            action={
              <button type="button" className="button button--primary" onClick={() => refetch()}>
                Try again
              </button>
            }
          />
        </>
      );
    }
    if (complete) {
      return (
        <>
          {back}
          <section className="panel panel--empty">
            <h1>Recording not found</h1>
            <p>
              There is no recording with id <code>{recordingId}</code>
              {roomId ? ` in room “${roomId}”` : ''} for this account. It may have been removed, or the link is incomplete.
            </p>
          </section>
        </>
      );
    }
    return (
      <>
        {back}
        <section className="panel panel--loading" aria-busy="true">
          <h1>Loading the recording…</h1>
        </section>
      </>
    );
  }

  const playback = playbackFor(recording);
  return (
    <article className="recording-page">
      {back}
      <div className="page-header">
        <h1>{title}</h1>
        {recording.roomId ? (
          <Link className="button" to={roomPath(recording.roomId)}>
            All of room {recording.roomId}
          </Link>
        ) : null}
      </div>
      {playback.notice ? (
        <p className="notice notice--info" role="note">
          {playback.notice}
        </p>
      ) : null}
      <LecturePlayer
        sources={playback.sources}
        poster={recording.thumbnailUrl}
        title={title}
        portrait={recording.mode === 'portrait'}
        directLink={playback.directLink}
      />
      <RecordingDetails recording={recording} />
    </article>
  );
}
