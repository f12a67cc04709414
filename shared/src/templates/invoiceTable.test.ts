import { describe, expect, it } from 'vitest';
import { computeReminderTotals } from './context';
import { INVOICE_A, INVOICE_B, INVOICE_C, plain } from './fixtures.test-helpers';
import { renderInvoiceTable } from './invoiceTable';

const table = (invoices = [INVOICE_A, INVOICE_B, INVOICE_C], lang: 'fr' | 'en' = 'fr', penalties = false) =>
  plain(renderInvoiceTable(invoices, computeReminderTotals(invoices), lang, penalties));

describe('renderInvoiceTable', () => {
  it('writes one aligned line per invoice and a total', () => {
    expect(table()).toBe(
      [
        'Facture     Émise le    Échéance    Retard     Montant dû',
        'F-2026-001  15/01/2026  14/02/2026  26 jours   1 234,56 €',
        'F-2026-014  —           28/02/2026  12 jours     560,00 €',
        'F-2026-020  10/02/2026  01/03/2026  11 jours  12 500,00 €',
        '---------------------------------------------------------',
        'Total                                         14 294,56 €',
      ].join('\n'),
    );
  });

  it('adds interest and indemnity columns on request, in English too', () => {
    expect(table([INVOICE_A, INVOICE_B], 'en', true)).toBe(
      [
        'Invoice     Issued       Due date     Overdue  Amount due  Interest  Compensation',
        'F-2026-001  15 Jan 2026  14 Feb 2026  26 days   €1,234.56    €10.69        €40.00',
        'F-2026-014  —            28 Feb 2026  12 days     €560.00     €2.24        €40.00',
        '---------------------------------------------------------------------------------',
        'Total                                           €1,794.56    €12.93        €80.00',
      ].join('\n'),
    );
  });

  it('has no total line for one invoice, and drops empty columns', () => {
    const notYetDue = { ...INVOICE_B, daysLate: -3 };
    expect(table([notYetDue])).toBe(
      ['Facture     Échéance    Montant dû', 'F-2026-014  28/02/2026    560,00 €'].join('\n'),
    );
  });

  it('says 1 jour / 1 day in the singular', () => {
    expect(table([{ ...INVOICE_B, daysLate: 1 }])).toContain('1 jour ');
    expect(table([{ ...INVOICE_B, daysLate: 1 }], 'en')).toContain('1 day ');
  });
});
