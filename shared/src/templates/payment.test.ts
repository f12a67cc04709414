import { describe, expect, it } from 'vitest';
import { epcQrPayload, formatIban, isValidIban, transferProblem } from './payment';

// The examples IBANs of the ISO 13616 registry and of French banks' documentation.
const FR_IBAN = 'FR76 3000 6000 0112 3456 7890 189';

describe('IBAN', () => {
  it('checks the digits (mod 97)', () => {
    expect(isValidIban(FR_IBAN)).toBe(true);
    expect(isValidIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isValidIban('FR76 3000 6000 0112 3456 7890 188')).toBe(false);
    expect(isValidIban('pas un iban')).toBe(false);
  });
  it('prints in groups of four', () => {
    expect(formatIban('fr7630006000011234567890189')).toBe(FR_IBAN);
  });
});

describe('EPC QR code payload (SEPA credit transfer)', () => {
  const request = {
    name: 'Atelier Dupont SARL',
    iban: FR_IBAN,
    bic: 'agri frpp xxx',
    amountCents: 128_525,
    currency: 'EUR',
    reference: 'Factures F-2026-001 et F-2026-014',
  };
  it('follows EPC069-12: service tag, version, UTF-8, SCT, BIC, name, IBAN, amount, reference', () => {
    expect(epcQrPayload(request).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'AGRIFRPPXXX',
      'Atelier Dupont SARL',
      'FR7630006000011234567890189',
      'EUR1285.25',
      '',
      '',
      'Factures F-2026-001 et F-2026-014',
    ]);
  });
  it('leaves a wrong BIC out (optional in version 002) and cuts long fields', () => {
    const lines = epcQrPayload({
      ...request,
      bic: 'nope',
      name: 'N'.repeat(90),
      reference: 'R'.repeat(200),
    }).split('\n');
    expect(lines[4]).toBe('');
    expect(lines[5]).toHaveLength(70);
    expect(lines[10]).toHaveLength(140);
  });
  it('refuses what a bank would refuse', () => {
    expect(transferProblem({ ...request, currency: 'GBP' })).toBe('not-euro');
    expect(transferProblem({ ...request, iban: '' })).toBe('no-iban');
    expect(transferProblem({ ...request, amountCents: 0 })).toBe('amount');
    expect(() => epcQrPayload({ ...request, name: ' ' })).toThrow(/no-name/);
  });
});
