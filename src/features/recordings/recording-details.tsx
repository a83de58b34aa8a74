import type { ReactNode } from 'react';
import { CopyButton } from '../../components/copy-button';
import { describeDuration, describeMode, describeStatus, formatDateTime, formatDateTimeExact, formatDuration, formatUtc } from './format';
import type { Recording } from './recording';
import { RecordingThumbnail } from './recording-thumbnail';
import { StatusBadge } from './status-badge';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="meta__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Local time (the full form on hover), then UTC to the second: short enough for the side column. */
function Timestamp({ epochMs }: { epochMs: number | null }) {
  if (epochMs === null) return <span className="muted">Not given</span>;
  const utc = formatUtc(epochMs);
  return (
    <>
      <time dateTime={utc} title={formatDateTimeExact(epochMs)}>
        {formatDateTime(epochMs)}
      </time>
      <br />
      <span className="muted">{`${utc.slice(0, 10)} ${utc.slice(11, 19)} UTC`}</span>
    </>
  );
}

function Copyable({ value, label }: { value: string | null; label: string }) {
  if (value === null || value === '') return <span className="muted">Not given</span>;
  return (
    <span className="copyable">
      <code>{value}</code>
      <CopyButton value={value} label={`Copy ${label}`} />
    </span>
  );
}

function MediaLink({ href, label, download }: { href: string | null; label: string; download: string }) {
  if (!href) return <span className="muted">Not available</span>;
  return (
    <span className="copyable">
      <a href={href} download={download} target="_blank" rel="noopener noreferrer">
        {label}
      </a>
      <CopyButton value={href} label={`Copy link to ${label}`} />
    </span>
  );
}

/** The key facts, for the column beside the player: the status in words, where and when, how long. */
export function RecordingSummary({ recording }: { recording: Recording }) {
  const status = describeStatus(recording.status);
  return (
    <div className="recording-summary">
      <section aria-labelledby="status-heading" className="details__section">
        <h2 id="status-heading">Status</h2>
        <p className="recording-summary__status">
          <StatusBadge status={recording.status} /> {status.meaning}
        </p>
      </section>

      <section aria-labelledby="about-heading" className="details__section">
        <h2 id="about-heading">About this recording</h2>
        <dl className="meta meta--stacked">
          <Row term="Room">{recording.roomId || <span className="muted">Not given</span>}</Row>
          <Row term="Client">{recording.clientId || <span className="muted">Not given</span>}</Row>
          <Row term="Created">
            <Timestamp epochMs={recording.createdAt} />
          </Row>
          <Row term="Updated">
            <Timestamp epochMs={recording.updatedAt} />
          </Row>
          <Row term="Duration">
            {formatDuration(recording.durationSeconds)}{' '}
            <span className="muted">({describeDuration(recording.durationSeconds)})</span>
          </Row>
          <Row term="Mode">{describeMode(recording.mode)}</Row>
          <Row term="Version">{recording.version ?? <span className="muted">Not given</span>}</Row>
        </dl>
      </section>
    </div>
  );
}

/** Everything else the API sent, in words, with copy buttons and download links. */
export function RecordingDetails({ recording }: { recording: Recording }) {
  const base = recording.uuid ?? recording.id;
  return (
    <div className="recording-details">
      <section aria-labelledby="ids-heading" className="details__section">
        <h2 id="ids-heading">Identifiers</h2>
        <dl className="meta">
          <Row term="Recording id (_id)">
            <Copyable value={recording.id} label="recording id" />
          </Row>
          <Row term="UUID">
            <Copyable value={recording.uuid} label="UUID" />
          </Row>
          <Row term="Session id">
            <Copyable value={recording.sessionId} label="session id" />
          </Row>
          <Row term="Class id">
            <Copyable value={recording.classId} label="class id" />
          </Row>
        </dl>
      </section>

      <section aria-labelledby="files-heading" className="details__section">
        <h2 id="files-heading">Files</h2>
        <dl className="meta">
          <Row term="Processed video (mp4)">
            <MediaLink href={recording.processedUrl} label="Download mp4" download={`${base}.mp4`} />
          </Row>
          <Row term="Raw recording (webm)">
            <MediaLink href={recording.rawUrl} label="Download webm" download={`${base}.webm`} />
          </Row>
          <Row term="Thumbnail">
            <MediaLink href={recording.thumbnailUrl} label="Download thumbnail" download={`${base}.png`} />
          </Row>
          {Object.entries(recording.rejectedLinks).map(([field, value]) => (
            <Row key={field} term={field}>
              <span className="muted">Not used: not an http(s) link</span> <code>{value}</code>
            </Row>
          ))}
        </dl>
        <div className="recording-details__thumbnails">
          <figure>
            <RecordingThumbnail src={recording.thumbnailUrl} alt="Full-size thumbnail" className="thumb recording-details__thumb-large" />
            <figcaption>Full size (the player’s poster)</figcaption>
          </figure>
          <figure>
            <RecordingThumbnail
              src={recording.thumbnailSmallUrl}
              alt="Small thumbnail, 256 by 144"
              className="thumb recording-details__thumb-small"
            />
            <figcaption>256×144 (shown while the player loads)</figcaption>
          </figure>
        </div>
      </section>

      {recording.callback !== undefined || Object.keys(recording.extra).length > 0 ? (
        <section aria-labelledby="more-heading" className="details__section">
          <h2 id="more-heading">Other fields from the API</h2>
          <dl className="meta">
            {recording.callback !== undefined ? <Row term="callback">{renderValue(recording.callback)}</Row> : null}
            {Object.entries(recording.extra).map(([key, value]) => (
              <Row key={key} term={key}>
                {renderValue(value)}
              </Row>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}

function renderValue(value: unknown): ReactNode {
  if (value === null) return <code>null</code>;
  if (typeof value === 'string') return <code>{value}</code>;
  return <code>{JSON.stringify(value)}</code>;
}
