import neo4j from 'neo4j-driver';

export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  /** First back-off; doubles each time, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs?: number;
  onRetry?(attempt: number, delayMs: number, error: Error): void;
}

/** About two minutes in all: long enough for a server restart. */
export const DEFAULT_RETRY: RetryOptions = { retries: 7, initialDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * The schedule, from the environment when set: KG_RETRIES (attempts after
 * the first), KG_RETRY_DELAY_MS (first back-off), KG_RETRY_MAX_DELAY_MS.
 */
export function retryFromEnv(env: NodeJS.ProcessEnv = process.env): RetryOptions {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, not "${v}"`);
    return n;
  };
  return {
    retries: Math.floor(num('KG_RETRIES', DEFAULT_RETRY.retries)),
    initialDelayMs: num('KG_RETRY_DELAY_MS', DEFAULT_RETRY.initialDelayMs),
    maxDelayMs: num('KG_RETRY_MAX_DELAY_MS', DEFAULT_RETRY.maxDelayMs!),
  };
}

/**
 * Retries work that failed because the database is unreachable or busy, or
 * because a concurrent writer got in the way (deadlock, MERGE race on a
 * uniqueness constraint). Other errors — a bad query, a bad value — are not
 * retried. The work must be idempotent: the writer's is (MERGE, and articles
 * already present are passed over), even when a commit went through but its
 * answer was lost.
 */
export async function withRetry<T>(work: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= opts.retries || !isTransient(e)) throw e;
      const delay = Math.min(opts.initialDelayMs * 2 ** attempt, opts.maxDelayMs ?? Infinity);
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
    /^Neo\.TransientError\./.test(err.code ?? '') ||
    // Neo.TransientError.Transaction.DeadlockDetected is covered above; two
    // MERGEs of the same new key in concurrent transactions can also end in
    // a constraint violation for the loser, which a retry turns into a match.
    (err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && /already exists/i.test(err.message ?? '')) ||
    // the server going away mid-transaction or during shutdown
    err.code === 'Neo.DatabaseError.Transaction.TransactionCommitFailed' ||
    /ECONNREFUSED|ECONNRESET|EPIPE|connection.*(closed|lost|refused)|Pool is closed|database .* (is )?unavailable|shutting down/i.test(err.message ?? '')
  );
}
