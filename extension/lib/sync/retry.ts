/**
 * Exponential backoff with full jitter: the delay before attempt n+1 is a random value between half
 * and all of `base × 2^n`, capped. Jitter keeps a whole team's installs from retrying in lockstep
 * when the server comes back.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Random source in [0, 1); injectable for tests. */
  random?: () => number;
}

export function backoffDelay(
  attempt: number,
  { baseMs, maxMs, random = Math.random }: BackoffOptions,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface RetryOptions extends BackoffOptions {
  /** Total attempts, the first included. */
  attempts: number;
  isRetryable: (error: unknown) => boolean;
  sleep: (ms: number) => Promise<void>;
  /** The wait the server asked for with this error (`Retry-After`), if any: never retried sooner. */
  retryAfter?: (error: unknown) => number | undefined;
}

/** Runs `fn` until it succeeds, throws a non-retryable error, or the attempts are spent. */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt + 1 >= options.attempts || !options.isRetryable(error)) throw error;
      const asked = options.retryAfter?.(error);
      // A longer wait than this run would ever sleep: give up the run, the next one waits for it.
      if (asked !== undefined && asked > options.maxMs) throw error;
      await options.sleep(Math.max(backoffDelay(attempt, options), asked ?? 0));
    }
  }
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
