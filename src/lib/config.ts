/**
 * Where the dashboard sends its requests. By default it is served by `server/`, which holds the
 * auth key in a sealed HttpOnly cookie and calls the recordings API for the page
 * (docs/decisions/0004-auth-key-custody.md).
 */
export const config = {
  /** Prefix for the dashboard's own session endpoints (`/api/session`, `/api/videos`). */
  apiBase: (import.meta.env?.VITE_API_BASE as string | undefined) ?? '',
  /** No headers within this time: the request is given up as timed out. */
  headersTimeoutMs: 30_000,
  /** No new bytes within this time while a list streams in: timed out. */
  idleTimeoutMs: 30_000,
};
