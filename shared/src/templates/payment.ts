import { minorUnitsToDecimal } from '../format/money';

/**
 * How a client pays: the IBAN and BIC checks of the team settings and the EPC QR code payload
 * (European Payments Council, "Quick Response Code: Guidelines to Enable Data Capture for the
 * Initiation of a SEPA Credit Transfer", EPC069-12 v3.0): a banking app scans it and fills in the
 * transfer, amount and reference included. Encoding the payload as a QR code happens in the
 * background (lib/background/services/paymentQr.ts), never in a content script.
 */

export const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

/** The IBAN without spaces, in capitals: what banks and the EPC payload expect. */
export function compactIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** ISO 13616: country, check digits, then the account; valid when the whole number mod 97 is 1. */
export function isValidIban(iban: string): boolean {
  const compact = compactIban(iban);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** `FR76 3000 6000 0112 3456 7890 189`: groups of four, as printed on a RIB. */
export function formatIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

export interface TransferRequest {
  /** The beneficiary (the team's legal name), at most 70 characters. */
  name: string;
  iban: string;
  bic?: string;
  /** In euro cents: the EPC code is for SEPA credit transfers in euro only. */
  amountCents: number;
  currency: string;
  /** What the client writes as the transfer's reference: the invoice numbers (at most 140 characters). */
  reference: string;
}

/** Why no QR code can be made, or null when one can. */
export function transferProblem(
  request: TransferRequest,
): 'no-iban' | 'not-euro' | 'amount' | 'no-name' | null {
  if (!request.iban.trim() || !isValidIban(request.iban)) return 'no-iban';
  if (!request.name.trim()) return 'no-name';
  if (request.currency !== 'EUR') return 'not-euro';
  if (
    !Number.isInteger(request.amountCents) ||
    request.amountCents < 1 ||
    request.amountCents > 99_999_999_999
  )
    return 'amount';
  return null;
}

/** Cuts to a length the EPC guidelines allow, on one line. */
function field(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

/**
 * The EPC QR payload: `BCD`, version 002 (BIC optional), character set 1 (UTF-8), `SCT`, BIC,
 * name, IBAN, `EUR` + amount with a decimal point, no purpose, no structured reference, then the
 * unstructured remittance text. Lines end with LF; trailing empty lines are left out.
 *
 * @throws RangeError when `transferProblem` finds a problem.
 */
export function epcQrPayload(request: TransferRequest): string {
  const problem = transferProblem(request);
  if (problem) throw new RangeError(`No SEPA transfer QR code can be made: ${problem}`);
  const bic = request.bic ? request.bic.replace(/\s+/g, '').toUpperCase() : '';
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    BIC.test(bic) ? bic : '',
    field(request.name, 70),
    compactIban(request.iban),
    `EUR${minorUnitsToDecimal(request.amountCents, 2)}`,
    '',
    '',
    field(request.reference, 140),
  ].join('\n');
}
