import {
  applyRateUpdates,
  createHlc,
  DEFAULT_RATE_TABLE,
  type IsoDate,
  type RateTable,
  type RateUpdates,
  type TeamSettings,
  teamSettings,
  withLegalInterestRate,
  withRateChange,
} from '@relance/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/open';
import { documents } from '../db/schema';
import { ServiceError } from '../services/errors';
import type { Identity } from '../services/identity';
import { pushChanges } from '../services/sync/push';
import type { RateChange } from './rateChange';

/**
 * The reference-rate table of a team: the table shipped with this server (shared rates.json) with
 * the rates the team's leads added since (`rateUpdates` in the team settings document). Stored
 * there, an update reaches every install with its next sync pull, like any settings change: a new
 * ECB or Bank of England rate needs no extension release. Written through the same push as the
 * extension's writes, so versions, the cursor and last-writer-wins hold.
 */
export interface TeamRates {
  table: RateTable;
  updates: RateUpdates | null;
  shippedUpdatedOn: IsoDate;
}

async function settingsDocument(db: Database, teamId: string) {
  const [row] = await db
    .select({ data: documents.data, hlc: documents.hlc })
    .from(documents)
    .where(and(eq(documents.teamId, teamId), eq(documents.docType, 'settings'), eq(documents.id, teamId)));
  const parsed = row ? teamSettings.safeParse(row.data) : null;
  return { settings: parsed?.success ? parsed.data : teamSettings.parse({}), hlc: row?.hlc ?? null };
}

export async function teamRates(db: Database, teamId: string): Promise<TeamRates> {
  const { settings } = await settingsDocument(db, teamId);
  return {
    table: applyRateUpdates(DEFAULT_RATE_TABLE, settings.rateUpdates),
    updates: settings.rateUpdates ?? null,
    shippedUpdatedOn: DEFAULT_RATE_TABLE.updatedOn,
  };
}

/** A clock later than the document's, from the server's time (node `server`): the shared HLC. */
function nextHlc(previous: string | null, now: Date): string {
  return createHlc('server', () => now.getTime(), previous ?? undefined).now();
}

/** Adds a rate change (or a checked-until date) to the team's table; leads and owners only. */
export async function addTeamRate(
  db: Database,
  identity: Identity,
  change: RateChange,
  now: Date,
): Promise<TeamRates> {
  if (identity.person.role === 'member') {
    throw new ServiceError(403, 'forbidden_role', 'only an owner or a lead can change the rate table');
  }
  const { settings, hlc } = await settingsDocument(db, identity.team.id);
  const by = { on: now.toISOString().slice(0, 10), name: identity.person.name };
  const rateUpdates =
    change.series === 'frLegalInterest'
      ? withLegalInterestRate(settings.rateUpdates, change, by)
      : withRateChange(settings.rateUpdates, change.series, change, by);
  // The merged table must still be a valid table (dates in order…): refused before anything is stored.
  try {
    applyRateUpdates(DEFAULT_RATE_TABLE, rateUpdates);
  } catch (error) {
    throw new ServiceError(400, 'invalid_rate', error instanceof Error ? error.message : String(error));
  }
  const data: TeamSettings = { ...settings, rateUpdates };
  const [result] = await pushChanges(
    db,
    identity,
    [
      {
        kind: 'document',
        docType: 'settings',
        id: identity.team.id,
        hlc: nextHlc(hlc, now),
        deleted: false,
        data,
      },
    ],
    now,
  );
  if (result?.status !== 'accepted') {
    throw new ServiceError(
      409,
      'rate_not_stored',
      result?.reason ?? 'the settings changed meanwhile, try again',
    );
  }
  return teamRates(db, identity.team.id);
}
