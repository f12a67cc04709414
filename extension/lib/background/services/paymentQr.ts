import { epcQrPayload, type TransferRequest, transferProblem } from '@relance/shared';
import encodeQR from 'qr';

/**
 * The EPC QR code (SEPA credit transfer) of a letter, as the modules of the symbol (dark = true):
 * made here in the background with `qr` (paulmillr/qr, zero-dependency), never in a content
 * script, whose bundle must stay small. Error correction level M, as EPC069-12 requires.
 * Null when no transfer can be asked for (no IBAN, not in euro).
 */
export function paymentQrModules(request: TransferRequest): boolean[][] | null {
  if (transferProblem(request)) return null;
  // The modules with the library's own light border; the letter adds the rest of the quiet zone.
  return encodeQR(epcQrPayload(request), 'raw', { ecc: 'medium' });
}
