/**
 * The host page must never see our failures: every callback we hand to the page (observers, event
 * listeners, timers) goes through `guard`. Errors are kept in memory for tests and debugging, never
 * printed: on a page we do not understand we stay silent.
 */
const MAX_KEPT = 50;
const recent: { where: string; error: unknown }[] = [];

export function reportError(where: string, error: unknown): void {
  recent.push({ where, error });
  if (recent.length > MAX_KEPT) recent.shift();
}

/** Errors caught since the script started (newest last). */
export function recentErrors(): readonly { where: string; error: unknown }[] {
  return recent;
}

export function clearRecentErrors(): void {
  recent.length = 0;
}

/** What to show of a caught error (a rejection may be any value). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps a callback so that it never throws into its caller. */
export function guard<A extends unknown[]>(where: string, fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      reportError(where, error);
    }
  };
}

/** Runs an async task and swallows (records) its rejection; returns undefined on failure. */
export async function guardAsync<T>(where: string, task: () => Promise<T>): Promise<T | undefined> {
  try {
    return await task();
  } catch (error) {
    reportError(where, error);
    return undefined;
  }
}
