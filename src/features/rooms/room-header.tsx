import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CopyButton } from '../../components/copy-button';
import { RelativeTime } from '../../components/relative-time';
import { formatCount, formatDateTime, formatDateTimeExact, formatHours } from '../recordings/format';
import type { Recording } from '../recordings/recording';
import { roomPath } from '../recordings/recording-links';
import { recordingQueries, type RecordingsListQuery, type RecordingsSnapshot } from '../recordings/recordings-queries';
import { readViewState, writeViewState } from '../recordings/use-recordings-view-state';
import { rememberRoom, useRecentRooms } from './recent-rooms';
import { roomFigures, unprocessedShare } from './room-stats';
import { describeAttentionHours, roomIdsOf, similarRooms } from './rooms-view';
import './rooms.css';

const NO_RECORDS: Recording[] = [];
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/**
 * The top of a room's page: where it is, its exact id, and its figures at a glance. The counts by
 * status are the list's own status counters right below (they also filter), so they are not
 * repeated here. A room whose list loads with recordings is remembered as recently visited.
 */
export function RoomHeader({ clientId, roomId, query }: { clientId: string; roomId: string; query: RecordingsListQuery }) {
  const result = useQuery(query);
  const snapshot: RecordingsSnapshot | undefined = result.data;
  const records = snapshot?.records ?? NO_RECORDS;
  const complete = snapshot?.complete ?? false;
  const [params] = useSearchParams();
  const listState = useMemo(() => readViewState(params), [params]);
  const hours = listState.filters.attentionHours;
  // Figures as of the list's last update, like the rows they summarize.
  const asOf = result.dataUpdatedAt;
  const figures = useMemo(() => roomFigures(records, asOf, hours), [records, asOf, hours]);

  // Only rooms that turned out to exist: a typo is not worth suggesting again.
  const exists = complete && records.length > 0;
  useEffect(() => {
    if (exists) rememberRoom(clientId, roomId);
  }, [exists, clientId, roomId]);

  const attentionSearch = `?${writeViewState({ ...listState, filters: { ...listState.filters, attention: true } }, params)}`;

  return (
    <header className="room-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/rooms">Rooms</Link> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page" className="room-name room-header__crumb">
          {roomId}
        </span>
      </nav>
      <div className="page-header room-header__title">
        <h1>
          Room <span className="room-name">{roomId}</span>
        </h1>
        <CopyButton value={roomId} label="Copy the room id" />
      </div>

      {records.length > 0 ? (
        <>
          <h2 className="visually-hidden">{complete ? 'This room at a glance' : 'This room at a glance (still loading)'}</h2>
          <dl className="room-figures">
            <Figure label={complete ? 'Recordings' : 'Recordings so far'} value={formatCount(figures.recordings)} />
            <Figure label="Recorded" value={formatHours(figures.totalSeconds)} />
            <Figure
              label="Last recording"
              value={
                figures.lastCreatedAt === null ? (
                  '—'
                ) : (
                  <span title={formatDateTimeExact(figures.lastCreatedAt)}>{formatDateTime(figures.lastCreatedAt)}</span>
                )
              }
              detail={figures.lastCreatedAt === null ? null : <RelativeTime epochMs={figures.lastCreatedAt} />}
            />
            <Figure
              label="Not yet processed"
              value={formatCount(figures.unprocessed)}
              detail={`${percent.format(unprocessedShare(figures))} of its recordings`}
            />
            <Figure
              label="Needs attention"
              tone={figures.needingAttention > 0 ? 'attention' : undefined}
              value={
                figures.needingAttention > 0 ? (
                  <>
                    <span aria-hidden="true">⚠ </span>
                    {formatCount(figures.needingAttention)}
                  </>
                ) : (
                  'None'
                )
              }
              detail={
                figures.needingAttention > 0 && !listState.filters.attention ? (
                  <Link to={{ pathname: roomPath(roomId), search: attentionSearch }}>Show them</Link>
                ) : (
                  `not processed after ${describeAttentionHours(hours)}`
                )
              }
            />
          </dl>
        </>
      ) : complete && !result.isError ? (
        <SimilarRooms clientId={clientId} roomId={roomId} />
      ) : null}
    </header>
  );
}

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: 'attention';
}) {
  return (
    <div className={`room-figure${tone ? ` room-figure--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd className="room-figure__value">{value}</dd>
      {detail ? <dd className="room-figure__detail">{detail}</dd> : null}
    </div>
  );
}

/**
 * For an empty room, rooms the person may have meant: names from the account's list if it is in
 * the cache (never fetched for this), and recently visited ones, that differ only in case,
 * accents or spacing, or contain what was typed.
 */
function SimilarRooms({ clientId, roomId }: { clientId: string; roomId: string }) {
  const queryClient = useQueryClient();
  const { rooms: recent } = useRecentRooms(clientId);
  const all = queryClient.getQueryData(recordingQueries.all(clientId).queryKey);
  const known = useMemo(() => [...new Set([...recent, ...roomIdsOf(all?.records ?? NO_RECORDS)])], [recent, all]);
  const similar = similarRooms(roomId, known);
  if (similar.length === 0) return null;
  return (
    <div className="notice notice--info room-header__similar">
      <p>Rooms with a similar name:</p>
      <ul>
        {similar.map((candidate) => (
          <li key={candidate}>
            <Link to={roomPath(candidate)} className="room-name">
              {candidate}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
