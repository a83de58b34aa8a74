import { QueryClient } from '@tanstack/react-query';
import { isApiError, isRetryable } from './api-error';

const MAX_RETRIES = 3;

/** Retry only what another try can fix: never an auth failure or another 4xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_RETRIES && isRetryable(error);
}

/** Exponential backoff (1 s, 2 s, 4 s), or what a 429's Retry-After asks for. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return Math.min(1000 * 2 ** failureCount, 8000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
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
