/** How recordings' values read on screen. Pure functions, one place. */

/** h:mm:ss; hours keep counting past 24 (a recording left running over a weekend is real). */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}`;
}

/** "3 min 20 s", "1 h 05 min": for screen readers and summaries. */
export function describeDuration(seconds: number | null): string {
  if (seconds === null) return 'unknown duration';
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${whole % 60} s`;
  return `${whole} s`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeFull = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'full',
  timeStyle: 'long',
});

export function formatDateTime(epochMs: number | null): string {
  return epochMs === null ? '—' : dateTime.format(epochMs);
}

const exactCache = new Map<number, string>();

/** The exact local time, with seconds and zone: for hover titles and the detail view. */
export function formatDateTimeExact(epochMs: number | null): string {
  if (epochMs === null) return 'unknown';
  // Formatting with a time zone name is slow; rows scroll past the same values again and again.
  let text = exactCache.get(epochMs);
  if (text === undefined) {
    if (exactCache.size > 5_000) exactCache.clear();
    text = dateTimeFull.format(epochMs);
    exactCache.set(epochMs, text);
  }
  return text;
}

export function formatUtc(epochMs: number | null): string {
  return epochMs === null ? '' : new Date(epochMs).toISOString();
}

// Made once: `toLocaleString` with options builds a formatter on every call.
const tenths = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const wholes = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatHours(seconds: number): string {
  const hours = seconds / 3600;
  // Under six minutes "0 h" would read as nothing at all.
  if (seconds > 0 && hours < 0.05) return `${Math.max(1, Math.round(seconds / 60))} min`;
  return `${(hours < 10 ? tenths : wholes).format(hours)} h`;
}

const integer = new Intl.NumberFormat();

export function formatCount(count: number): string {
  return integer.format(count);
}

export function countRecordings(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'recording' : 'recordings'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const STATUS_WORDS: Record<string, { label: string; meaning: string; tone: StatusTone }> = {
  SENT: {
    label: 'Sent',
    tone: 'done',
    meaning: 'Processed and delivered to your school’s platform: students can watch it there.',
  },
  PROCESSED: {
    label: 'Processed',
    tone: 'done',
    meaning: 'Ready to watch here; it has not been delivered to your platform yet.',
  },
  PROCESSING: { label: 'Processing', tone: 'working', meaning: 'The video is being converted; only the raw recording exists yet.' },
  UPLOADED: { label: 'Uploaded', tone: 'working', meaning: 'The raw recording arrived and waits to be processed.' },
  QUEUED: { label: 'Queued', tone: 'working', meaning: 'Waiting in line to be processed.' },
  FAILED: { label: 'Failed', tone: 'failed', meaning: 'Processing failed; the raw recording may still play.' },
};

export type StatusTone = 'done' | 'working' | 'failed' | 'unknown';

/** Known statuses in words; unknown ones are shown exactly as the API sent them. */
export function describeStatus(status: string | null): { label: string; meaning: string; tone: StatusTone } {
  if (status === null || status === '') {
    return { label: 'No status', meaning: 'The API sent no status for this recording.', tone: 'unknown' };
  }
  return (
    STATUS_WORDS[status.toUpperCase()] ?? {
      label: status,
      tone: 'unknown',
      meaning: `The API reports the status “${status}”, which this dashboard does not know yet.`,
    }
  );
}

export function describeMode(mode: string | null): string {
  if (mode === null || mode === '') return 'Not given';
  return mode.charAt(0).toUpperCase() + mode.slice(1);
}
