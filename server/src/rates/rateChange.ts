import { isoDate } from '@relance/shared';
import { z } from 'zod';

const percent = z.coerce.number().min(-10).max(100);

/** A new ECB or Bank of England rate, or the day a lead checked the series up to. */
const seriesChange = z
  .object({
    series: z.enum(['ecbMainRefinancing', 'boeBankRate']),
    from: isoDate.optional(),
    ratePercent: percent.optional(),
    knownUntil: isoDate.optional(),
  })
  .refine(
    (c) => (c.from === undefined) === (c.ratePercent === undefined),
    'give both the date and the rate of a change',
  )
  .refine(
    (c) => c.from !== undefined || c.knownUntil !== undefined,
    'give a rate change or a checked-until date',
  );

/** A half-year of the French legal interest rate (published each June and December). */
const legalInterestChange = z.object({
  series: z.literal('frLegalInterest'),
  from: isoDate.refine(
    (d) => d.endsWith('-01-01') || d.endsWith('-07-01'),
    'a half-year starts on 1 January or 1 July',
  ),
  privateCreditorPercent: percent,
  otherCasesPercent: percent,
});

/** A rate change as the API and the dashboard forms take it. */
export const rateChangeBody = z.discriminatedUnion('series', [seriesChange, legalInterestChange]);
export type RateChange = z.infer<typeof rateChangeBody>;
