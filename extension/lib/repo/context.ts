import type { RelanceDb } from '../db';

/** What every local write needs: the database and the time (injectable so tests control it). */
export interface RepoContext {
  db: RelanceDb;
  now: () => Date;
}
