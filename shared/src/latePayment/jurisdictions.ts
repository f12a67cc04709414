import { addDays } from '../dates';
import type { IsoDate } from '../schemas/common';
import type { Jurisdiction } from '../schemas/records';
import { addPoints, timesRate } from './interest';
import { legalInterestRates, type RateTable, rateInForce } from './rateTable';

/**
 * What each law says, per half-year (docs/architecture.md#the-rules-the-code-computes):
 * - FR (Code de commerce L441-10): ECB main refinancing rate in force on 1 January / 1 July + 10
 *   points, unless the terms set another rate, which may never be below 3 × the legal interest
 *   rate ("other cases", the creditor being a business). 40 € recovery indemnity per invoice.
 * - EU (Directive 2011/7/EU): the ECB reference rate for the half-year + 8 points; an agreed rate
 *   replaces it as given. 40 € per invoice.
 * - UK (Late Payment of Commercial Debts (Interest) Act 1998, s.6): Bank of England base rate in
 *   force on the 31 December / 30 June before interest starts + 8 %, fixed for the whole debt
 *   (computeLatePayment asks once, for the half-year interest starts in); a contractual rate
 *   is used as given (the Act lets a substantial contractual remedy replace statutory interest;
 *   whether it is substantial is the user's call). Fixed sum £40 / £70 / £100.
 * - B2C: the legal interest rate only ("other cases": our user, the creditor, is a business), no
 *   fixed indemnity; a contractual rate is ignored (a penalty clause against a consumer is for a
 *   judge to weigh). This interest runs from the formal notice (Code civil 1231-6): see
 *   `formalNoticeDate` in computeLatePayment.ts.
 */

export type RateBasis = 'statutory' | 'contractual' | 'legal-floor' | 'legal-interest';

export interface HalfYearRate {
  ratePercent: number;
  basis: RateBasis;
  /** The public rate the law starts from (ECB, Bank of England or French legal interest). */
  referenceRatePercent: number;
  /** Set when the table had to assume a rate beyond what it knows. */
  unknownAfter: IsoDate | null;
}

const FR_MARGIN_POINTS = 10;
const EU_MARGIN_POINTS = 8;
const UK_MARGIN_POINTS = 8;
const FR_FLOOR_FACTOR = 3;

/** The annual rate applying to days of the half-year starting on `halfYearStart`. */
export function rateForHalfYear(
  jurisdiction: Jurisdiction,
  halfYearStart: IsoDate,
  table: RateTable,
  contractualRatePercent?: number,
): HalfYearRate {
  switch (jurisdiction) {
    case 'FR': {
      if (contractualRatePercent !== undefined) {
        const legal = legalInterestRates(table, halfYearStart);
        const floor = timesRate(legal.otherCasesPercent, FR_FLOOR_FACTOR);
        const belowFloor = contractualRatePercent < floor;
        return {
          ratePercent: belowFloor ? floor : contractualRatePercent,
          basis: belowFloor ? 'legal-floor' : 'contractual',
          referenceRatePercent: legal.otherCasesPercent,
          unknownAfter: legal.unknownAfter,
        };
      }
      const ecb = rateInForce(table.ecbMainRefinancing, halfYearStart, 'ECB');
      return statutory(ecb.ratePercent, FR_MARGIN_POINTS, ecb.unknownAfter);
    }
    case 'EU': {
      const ecb = rateInForce(table.ecbMainRefinancing, halfYearStart, 'ECB');
      if (contractualRatePercent !== undefined) return contractual(contractualRatePercent, ecb.ratePercent);
      return statutory(ecb.ratePercent, EU_MARGIN_POINTS, ecb.unknownAfter);
    }
    case 'UK': {
      // The reference rate is the one in force on the day before the half-year starts.
      const boe = rateInForce(table.boeBankRate, addDays(halfYearStart, -1), 'Bank of England');
      if (contractualRatePercent !== undefined) return contractual(contractualRatePercent, boe.ratePercent);
      return statutory(boe.ratePercent, UK_MARGIN_POINTS, boe.unknownAfter);
    }
    case 'B2C': {
      const legal = legalInterestRates(table, halfYearStart);
      return {
        ratePercent: legal.otherCasesPercent,
        basis: 'legal-interest',
        referenceRatePercent: legal.otherCasesPercent,
        unknownAfter: legal.unknownAfter,
      };
    }
  }
}

function statutory(reference: number, margin: number, unknownAfter: IsoDate | null): HalfYearRate {
  return {
    ratePercent: addPoints(reference, margin),
    basis: 'statutory',
    referenceRatePercent: reference,
    unknownAfter,
  };
}

function contractual(ratePercent: number, reference: number): HalfYearRate {
  // The agreed rate does not depend on the table, so nothing is unknown.
  return { ratePercent, basis: 'contractual', referenceRatePercent: reference, unknownAfter: null };
}

export interface FixedSum {
  amountCents: number;
  currency: string;
}

const EUR_40: FixedSum = { amountCents: 40_00, currency: 'EUR' };

/**
 * The fixed recovery sum owed per late invoice, in the currency the law states it in. UK bands
 * read the debt as pounds: £40 under £1,000, £70 under £10,000, £100 from £10,000.
 */
export function fixedRecoverySum(jurisdiction: Jurisdiction, amountCents: number): FixedSum | null {
  switch (jurisdiction) {
    case 'FR':
    case 'EU':
      return EUR_40;
    case 'UK':
      if (amountCents < 1_000_00) return { amountCents: 40_00, currency: 'GBP' };
      if (amountCents < 10_000_00) return { amountCents: 70_00, currency: 'GBP' };
      return { amountCents: 100_00, currency: 'GBP' };
    case 'B2C':
      return null;
  }
}
