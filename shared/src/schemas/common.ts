import { z } from 'zod';
import { HLC_PATTERN } from '../clock/hlc';
import { ISO_DATE_SHAPE, isIsoDate } from '../vocabulary/isoDate';
import { LANGUAGES } from '../vocabulary/languages';

export type { IsoDate } from '../vocabulary/isoDate';
export type { Language } from '../vocabulary/languages';

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). Days overdue never depend on time zones. */
export const isoDate = z
  .string()
  .regex(ISO_DATE_SHAPE, 'expected a date as YYYY-MM-DD')
  .refine(isIsoDate, 'not a real calendar date');

/** An instant, ISO 8601 with offset (`2026-03-12T09:30:00.000Z`). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** Money in integer minor units (cents). */
export const cents = z.number().int('amounts are integer cents').min(-1e13).max(1e13);
export const nonNegativeCents = cents.min(0, 'amount must not be negative');

/** ISO 4217 currency code. */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code like EUR');

/** Client-made ids are UUIDv7 (time-ordered). Any UUID is accepted from older data. */
export const uuid = z.uuid();

/** Hybrid logical clock, serialised so that string order is clock order (see hlc.ts). */
export const hlcString = z.string().regex(HLC_PATTERN, 'expected a hybrid logical clock');

export const language = z.enum(LANGUAGES);

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for
const NUL_OR_SURROGATE = /[\u0000\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a string can be stored and read back as it is: PostgreSQL refuses NUL characters in text
 * and jsonb, and half a surrogate pair is no character at all (encoders turn it into U+FFFD).
 */
export function isStorableText(value: string): boolean {
  // Nearly every string has neither: one scan decides.
  if (!NUL_OR_SURROGATE.test(value)) return true;
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

export const UNSTORABLE_TEXT_MESSAGE =
  'text must not contain NUL characters and must be valid Unicode (no unpaired surrogates)';

/**
 * THE text schema: every text that comes in (records, API bodies, dashboard queries) is at most
 * `max` characters and storable. Build other text fields from it (`plainText(100).min(1)`).
 */
export const plainText = (max: number) => z.string().max(max).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);

/** Text typed by a person or scraped from a page: bounded, never interpreted as HTML anywhere. */
export const shortText = plainText(500);
export const longText = plainText(20_000);
export const email = z.string().max(320).email();
