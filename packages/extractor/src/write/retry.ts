import neo4j from 'neo4j-driver';

export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** First back-off; doubles each time. */
  initialDelayMs: number;
  onRetry?(attempt: number, delayMs: number, error: Error): void;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 6, initialDelayMs: 1000 };

/**
 * Retries work that failed because the database is unreachable or busy
 * (the driver's own retries cover a few seconds; a restarting server takes
 * longer). Other errors — a bad query, a constraint — are not retried.
 */
export async function withRetry<T>(work: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= opts.retries || !isTransient(e)) throw e;
      const delay = opts.initialDelayMs * 2 ** attempt;
      opts.onRetry?.(attempt + 1, delay, e as Error);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export function isTransient(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return (
    neo4j.isRetriableError(e as Error) ||
    err.code === 'ServiceUnavailable' ||
    err.code === 'SessionExpired' ||
    /ECONNREFUSED|ECONNRESET|connection.*(closed|lost|refused)|Pool is closed/i.test(err.message ?? '')
  );
}
