import type { SyncError, SyncErrorCode } from '../db';
import { HttpError, NetworkError } from './api';

/** Sorts what went wrong into the few cases a person can act on (see the status texts in i18n). */
export function toSyncError(error: unknown, now: Date): SyncError {
  return {
    code: errorCode(error),
    message: error instanceof Error ? error.message : String(error),
    at: now.toISOString(),
  };
}

function errorCode(error: unknown): SyncErrorCode {
  if (error instanceof NetworkError) return 'offline';
  if (error instanceof HttpError) {
    // The server and this extension speak different versions of the sync protocol.
    if (error.code === 'schema_too_old') return 'extension-outdated';
    if (error.code === 'schema_too_new') return 'server-outdated';
    if (error.status === 401 || error.status === 403) return 'unauthorized';
    if (error.status >= 500 || error.status === 429 || error.status === 408) return 'server';
    return 'rejected-batch';
  }
  return 'unknown';
}
