import type { LogLevel } from './config.ts';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export function createLogger(level: LogLevel): Logger {
  return {
    info(message) {
      if (level === 'info') console.log(message);
    },
    error(message, error) {
      if (level === 'silent') return;
      // Only the stack/message: never the request, whose body may carry an auth key.
      const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
      console.error(detail ? `${message}: ${detail}` : message);
    },
  };
}

/** Strips control characters so a crafted URL cannot forge extra log lines. */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
