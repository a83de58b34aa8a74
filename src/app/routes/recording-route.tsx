import { useEffect, useMemo } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorPanel } from '../../components/error-panel';
import { useSession } from '../../features/auth/use-session';
import { LecturePlayer } from '../../features/player/lecture-player';
import { resumeKey } from '../../features/player/resume-positions';
import { formatDateTime } from '../../features/recordings/format';
import { playbackFor } from '../../features/recordings/playback';
import { RecordingDetails, RecordingSummary } from '../../features/recordings/recording-details';
import { recordingPath, roomPath } from '../../features/recordings/recording-links';
import { listOriginFrom } from '../../features/recordings/recording-neighbours';
import { RecordingPager } from '../../features/recordings/recording-pager';
import { RecordingRoomStrip } from '../../features/recordings/recording-room-strip';
import { parseStartTime, shareUrl, TIME_PARAM } from '../../features/recordings/recording-share';
import type { Recording } from '../../features/recordings/recording';
import { useRecording } from '../../features/recordings/use-recording';
import '../../features/recordings/recording-page.css';
import { useDocumentTitle } from '../use-document-title';

/**
 * A recording's own page: the player with the key facts beside it, previous/next in the list the
 * user came from, the room's other recordings, then everything the API knows about it.
 */
export function RecordingRoute() {
  const session = useSession()!;
  const recordingId = useParams().recordingId ?? '';
  const [params] = useSearchParams();
  const roomId = params.get('room');
  const location = useLocation();
  const navigate = useNavigate();
  const origin = useMemo(() => listOriginFrom(location.state), [location.state]);
  const backTo = origin?.href ?? (roomId ? roomPath(roomId) : '/');
  const { recording, roomRecordings, complete, error, isError, refetch } = useRecording(session.clientId, recordingId, roomId);
  const startAt = parseStartTime(params.get(TIME_PARAM));

  const title = recording ? `${recording.roomId || 'Recording'} · ${formatDateTime(recording.createdAt)}` : 'Recording';
  useDocumentTitle(title);

  // The address bar settles on the recording's canonical URL: the room is added when an old link
  // lacked it (so a reload loads one room, not the account), and `?t=` is dropped once the player
  // has taken it (so a reload resumes where the viewer is, not where the sender was).
  // Compared by value, not by spelling, so a browser's own URL normalisation cannot cause a loop.
  const settled = !recording || ((params.get('room') ?? '') === recording.roomId && !params.has(TIME_PARAM));
  const canonical = recording ? recordingPath(recording) : null;
  useEffect(() => {
    if (!settled && canonical !== null) navigate(canonical, { replace: true, state: location.state, preventScrollReset: true });
  }, [settled, canonical, navigate, location.state]);

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

  return (
    <article className="recording-view">
      {back}
      <div className="page-header">
        <h1>{title}</h1>
        {recording.roomId ? (
          <Link className="button" to={roomPath(recording.roomId)}>
            All of room {recording.roomId}
          </Link>
        ) : null}
      </div>
      <RecordingPlayer clientId={session.clientId} recording={recording} startAt={startAt} />
      <div className="recording-view__side">
        <RecordingPager
          clientId={session.clientId}
          recording={recording}
          origin={origin}
          roomRecordings={roomRecordings}
          roomComplete={complete}
        />
        <RecordingSummary recording={recording} />
      </div>
      <div className="recording-view__rest">
        <RecordingRoomStrip recording={recording} roomRecordings={roomRecordings} linkState={origin ? { from: origin.href } : undefined} />
        <RecordingDetails recording={recording} />
      </div>
    </article>
  );
}

function RecordingPlayer({ clientId, recording, startAt }: { clientId: string; recording: Recording; startAt: number | null }) {
  const playback = useMemo(() => playbackFor(recording), [recording]);
  const title = `${recording.roomId || 'Recording'} · ${formatDateTime(recording.createdAt)}`;
  const share = useMemo(() => (seconds: number) => shareUrl(recording, seconds, window.location.origin), [recording]);
  return (
    <div className="recording-view__player">
      {playback.notice ? (
        <p className="notice notice--info" role="note">
          {playback.notice}
        </p>
      ) : null}
      <LecturePlayer
        mediaKey={resumeKey(clientId, recording.id)}
        sources={playback.sources}
        poster={playback.poster}
        placeholder={playback.placeholder}
        title={title}
        portrait={playback.portrait}
        directLink={playback.directLink}
        startAt={startAt}
        shareUrl={share}
      />
    </div>
  );
}
