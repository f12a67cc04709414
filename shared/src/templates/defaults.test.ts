import { describe, expect, it } from 'vitest';
import { STAGE_IDS, type StageId } from '../schemas/stage';
import { DEFAULT_TEMPLATES, defaultTemplate, templateFor } from './defaults/index';
import { contextFor, INVOICE_A, INVOICE_B, INVOICE_C, plain } from './fixtures.test-helpers';
import { renderTemplate, validateTemplate } from './render';

const ONE = [INVOICE_A];
const THREE = [INVOICE_A, INVOICE_B, INVOICE_C];
const WITH_PENALTIES: StageId[] = ['reminder-2', 'payment-plan', 'formal-notice', 'legal'];

const expected = {
  fr: {
    one: { total: '1 234,56 €', interest: '10,69 €', indemnity: '40,00 €', all: '1 285,25 €' },
    three: { total: '14 294,56 €', interest: '58,71 €', indemnity: '120,00 €', all: '14 473,27 €' },
    law: 'article L441-10 du Code de commerce',
  },
  en: {
    one: { total: '€1,234.56', interest: '€10.69', indemnity: '€40.00', all: '€1,285.25' },
    three: { total: '€14,294.56', interest: '€58.71', indemnity: '€120.00', all: '€14,473.27' },
    law: 'Article L441-10 of the French Commercial Code',
  },
} as const;

describe('default templates', () => {
  it('exist and are valid for every stage in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(Object.keys(DEFAULT_TEMPLATES[lang]).sort()).toEqual([...STAGE_IDS].sort());
      for (const stage of STAGE_IDS) expect(validateTemplate(defaultTemplate(stage, lang), lang)).toEqual([]);
    }
  });

  for (const lang of ['fr', 'en'] as const) {
    for (const stage of STAGE_IDS) {
      for (const [size, invoices] of [
        ['one', ONE],
        ['three', THREE],
      ] as const) {
        it(`${stage} (${lang}, ${size} invoice${size === 'one' ? '' : 's'}) renders completely`, () => {
          const { subject, body } = renderTemplate(defaultTemplate(stage, lang), contextFor(invoices), lang);
          const text = plain(`${subject}\n${body}`);
          const amounts = expected[lang][size];

          expect(text).not.toMatch(/\{\{|\}\}/);
          expect(subject).not.toContain('\n');
          expect(body).not.toMatch(/\n\n\n/); // sections on their own lines leave no gap
          for (const invoice of invoices) expect(text).toContain(invoice.number);
          expect(text).toContain(stage === 'legal' ? amounts.all : amounts.total);

          if (WITH_PENALTIES.includes(stage)) {
            expect(text).toContain(amounts.interest);
            expect(text).toContain(amounts.indemnity);
            expect(text).toContain(amounts.all);
            expect(text).toContain(expected[lang].law);
            expect(text).toContain(lang === 'fr' ? '12,15 %' : '12.15%');
          } else {
            expect(text).not.toContain(amounts.interest);
            expect(text).not.toContain(amounts.indemnity);
            expect(text).not.toMatch(lang === 'fr' ? /pénalit|indemnit/i : /interest|compensation/i);
          }
        });
      }
    }
  }

  it('words one invoice in the singular and several in the plural', () => {
    const one = renderTemplate(defaultTemplate('reminder-1', 'fr'), contextFor(ONE), 'fr');
    const three = renderTemplate(defaultTemplate('reminder-1', 'fr'), contextFor(THREE), 'fr');
    expect(one.body).toContain(
      "la facture F-2026-001, arrivée à échéance le 14/02/2026, n'a pas encore été réglée",
    );
    expect(one.subject).toBe('Rappel : facture F-2026-001 en attente de règlement');
    expect(three.body).toContain(
      "les factures ci-dessous, arrivées à échéance, n'ont pas encore été réglées",
    );
    expect(three.subject).toBe('Rappel : 3 factures en attente de règlement');
    const en = renderTemplate(defaultTemplate('formal-notice', 'en'), contextFor(THREE), 'en');
    expect(en.subject).toBe(
      'Formal notice and final demand for payment – invoices F-2026-001, F-2026-014 and F-2026-020',
    );
  });

  it('the formal notice states the final deadline (today + 8 days), penalties, indemnity and legal action', () => {
    const fr = plain(renderTemplate(defaultTemplate('formal-notice', 'fr'), contextFor(ONE), 'fr').body);
    expect(fr).toContain('au plus tard le 20 mars 2026, la somme de 1 285,25 €');
    expect(fr).toContain('indemnité forfaitaire pour frais de recouvrement (40 € par facture) : 40,00 €');
    expect(fr).toContain('procédure judiciaire');
    expect(fr).toContain('Le 12 mars 2026');
    expect(fr).toContain('Atelier Dupont\n12 rue des Lilas\n75011 Paris');
    const en = renderTemplate(defaultTemplate('formal-notice', 'en'), contextFor(ONE), 'en').body;
    expect(en).toContain('payment of €1,285.25 by 20 March 2026 at the latest');
    expect(en).toContain('legal proceedings');
  });

  it('quotes the law of the jurisdiction and leaves out the indemnity for consumers', () => {
    const uk = renderTemplate(
      defaultTemplate('reminder-2', 'en'),
      contextFor(
        ONE.map((i) => ({ ...i, currency: 'GBP', indemnityCents: 7000 })),
        { jurisdiction: 'UK' },
      ),
      'en',
    ).body;
    expect(uk).toContain('Under the Late Payment of Commercial Debts (Interest) Act 1998');
    expect(uk).toContain('£40, £70 or £100 per invoice depending on its amount');
    expect(uk).toContain('compensation to £70.00');

    const consumer = plain(
      renderTemplate(
        defaultTemplate('formal-notice', 'fr'),
        contextFor(ONE.map((i) => ({ ...i, indemnityCents: 0 }))),
        'fr',
      ).body,
    );
    expect(consumer).not.toContain('indemnité forfaitaire pour frais de recouvrement');
    expect(consumer).toContain('la somme de 1 245,25 €');
    expect(consumer).toMatch(/: 10,69 €\n\nCes sommes/); // the list closes without a blank line left behind
  });

  it('templateFor prefers the team override and falls back to the default', () => {
    const own = { subject: 'Facture {{invoice_number}}', body: 'Merci de régler {{total_due}}.' };
    expect(templateFor('reminder-1', 'fr', { fr: { 'reminder-1': own } })).toBe(own);
    expect(templateFor('reminder-2', 'fr', { fr: { 'reminder-1': own } })).toBe(
      defaultTemplate('reminder-2', 'fr'),
    );
    expect(templateFor('reminder-1', 'en', { fr: { 'reminder-1': own } })).toBe(
      defaultTemplate('reminder-1', 'en'),
    );
    expect(templateFor('legal', 'en')).toBe(DEFAULT_TEMPLATES.en.legal);
  });
});
