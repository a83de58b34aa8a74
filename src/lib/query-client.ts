import { QueryClient } from '@tanstack/react-query';
import { isApiError, isRetryable } from './api-error';

/** At most this many retries after the first attempt (docs/decisions/0007-error-handling.md). */
export const MAX_RETRIES = 3;
/** A Retry-After longer than this is not waited out silently: the error says when to try again. */
export const MAX_AUTO_WAIT_MS = 10_000;

/**
 * Retry only what another try can fix (network, time-out, 5xx, 429): never an auth failure,
 * another 4xx or an answer that is not what the API documents, which would fail the same way.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isRetryable(error)) return false;
  return !(isApiError(error) && error.retryAfterMs !== undefined && error.retryAfterMs > MAX_AUTO_WAIT_MS);
}

/**
 * What the server asked for (Retry-After), else exponential backoff with "equal jitter":
 * 0.5–1 s, 1–2 s, 2–4 s, so that many dashboards failing together do not retry in step.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const base = Math.min(1000 * 2 ** failureCount, 8000);
  return Math.round(base / 2 + (random() * base) / 2);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: (failureCount, error) => retryDelay(failureCount, error),
        // Lists can be 85 MB: load them when asked, not on every focus.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // Deep-comparing 100,000 records on every batch costs more than it saves.
        structuralSharing: false,
      },
      mutations: { retry: false },
    },
  });
}
