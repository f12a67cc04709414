import { z } from 'zod';
import { compareDates, maxDate } from '../dates';
import { isoDate } from '../schemas/common';
import { legalInterestHalfYear, parseRateTable, percent, type RateSeries, type RateTable } from './rateTable';

/**
 * Rates a team lead adds from the dashboard (Taux de référence) after the extension was built: kept
 * in the team settings document, so they reach every install with the next sync and a new ECB or
 * Bank of England rate needs no extension release. They are laid over the shipped table: an entry
 * dated like a shipped one replaces it, `knownUntil` moves forward only.
 */
const seriesUpdate = z.object({
  /** The day the lead last checked the series. */
  knownUntil: isoDate.optional(),
  changes: z
    .array(z.object({ from: isoDate, ratePercent: percent }))
    .max(200)
    .default([]),
});
export type SeriesUpdate = z.infer<typeof seriesUpdate>;

export const rateUpdates = z.object({
  updatedOn: isoDate.optional(),
  /** Who made the last update (shown on the dashboard page). */
  updatedBy: z.string().max(200).optional(),
  ecbMainRefinancing: seriesUpdate.optional(),
  boeBankRate: seriesUpdate.optional(),
  frLegalInterest: z.object({ halfYears: z.array(legalInterestHalfYear).max(200).default([]) }).optional(),
});
export type RateUpdates = z.infer<typeof rateUpdates>;

export type SeriesName = 'ecbMainRefinancing' | 'boeBankRate';

function byFrom<T extends { from: string }>(base: readonly T[], added: readonly T[]): T[] {
  const merged = new Map(base.map((entry) => [entry.from, entry]));
  for (const entry of added) merged.set(entry.from, entry);
  return [...merged.values()].sort((a, b) => compareDates(a.from, b.from));
}

function mergeSeries(base: RateSeries, update: SeriesUpdate | undefined): RateSeries {
  if (!update) return base;
  const changes = byFrom(base.changes, update.changes);
  const lastChange = changes.at(-1)!.from;
  // A change the lead entered is known at least from its own day on.
  const knownUntil = maxDate(maxDate(base.knownUntil, update.knownUntil ?? base.knownUntil), lastChange);
  return { ...base, knownUntil, changes };
}

/** The shipped table with the team's updates laid over it (validated again: throws when inconsistent). */
export function applyRateUpdates(base: RateTable, updates: RateUpdates | undefined): RateTable {
  if (!updates) return base;
  return parseRateTable({
    ...base,
    updatedOn: maxDate(base.updatedOn, updates.updatedOn ?? base.updatedOn),
    ecbMainRefinancing: mergeSeries(base.ecbMainRefinancing, updates.ecbMainRefinancing),
    boeBankRate: mergeSeries(base.boeBankRate, updates.boeBankRate),
    frLegalInterest: {
      ...base.frLegalInterest,
      halfYears: byFrom(base.frLegalInterest.halfYears, updates.frLegalInterest?.halfYears ?? []),
    },
  });
}

/** Adds one rate change (or a checked-until date) to a team's updates, as the dashboard form does. */
export function withRateChange(
  updates: RateUpdates | undefined,
  series: SeriesName,
  change: { from?: string; ratePercent?: number; knownUntil?: string },
  by: { on: string; name?: string },
): RateUpdates {
  const current = updates?.[series] ?? { changes: [] };
  const changes =
    change.from !== undefined && change.ratePercent !== undefined
      ? byFrom(current.changes, [{ from: change.from, ratePercent: change.ratePercent }])
      : current.changes;
  const knownUntil = [current.knownUntil, change.knownUntil, change.from]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  return rateUpdates.parse({
    ...updates,
    updatedOn: by.on,
    ...(by.name ? { updatedBy: by.name } : {}),
    [series]: { changes, ...(knownUntil ? { knownUntil } : {}) },
  });
}

/** Adds (or replaces) one half-year of the French legal interest rate, as the dashboard form does. */
export function withLegalInterestRate(
  updates: RateUpdates | undefined,
  halfYear: z.input<typeof legalInterestHalfYear>,
  by: { on: string; name?: string },
): RateUpdates {
  const halfYears = byFrom(updates?.frLegalInterest?.halfYears ?? [], [
    legalInterestHalfYear.parse(halfYear),
  ]);
  return rateUpdates.parse({
    ...updates,
    updatedOn: by.on,
    ...(by.name ? { updatedBy: by.name } : {}),
    frLegalInterest: { halfYears },
  });
}
