// Late-payment law: dated reference rates (rates.json) and the interest + indemnity they give.
export {
  computeLatePayment,
  type LatePaymentInput,
  type LatePaymentResult,
  type LatePaymentSegment,
  latePaymentInput,
} from './computeLatePayment';
export { describeIssues, LatePaymentInputError } from './errors';
export {
  type LatePaymentBatchInput,
  type LatePaymentItem,
  type LatePaymentSummary,
  type LatePaymentTotals,
  latePaymentForInvoices,
  latePaymentItemFromInvoice,
} from './forInvoices';
export { halfYearStart, splitByHalfYear } from './halfYears';
export { DAY_COUNT_BASIS, simpleInterestCents } from './interest';
export {
  type FixedSum,
  fixedRecoverySum,
  type HalfYearRate,
  type RateBasis,
  rateForHalfYear,
} from './jurisdictions';
export {
  DEFAULT_RATE_TABLE,
  type LegalInterestRates,
  legalInterestRates,
  parseRateTable,
  type RateSeries,
  type RateTable,
  rateInForce,
  rateTable,
} from './rateTable';
export {
  applyRateUpdates,
  type RateUpdates,
  rateUpdates,
  type SeriesName,
  type SeriesUpdate,
  withLegalInterestRate,
  withRateChange,
} from './rateUpdates';
