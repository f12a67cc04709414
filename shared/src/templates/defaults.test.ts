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
          expect(text).not.toContain('(s)');

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
    expect(fr.startsWith('Madame, Monsieur,\n')).toBe(true);
    // The letter lays out sender, recipient, date, mention and subject once (letter.ts): not the body.
    expect(fr).not.toContain('Lettre recommandée');
    expect(fr).not.toContain('Objet');
    const en = renderTemplate(defaultTemplate('formal-notice', 'en'), contextFor(ONE), 'en').body;
    expect(en).toContain('payment of €1,285.25 by 20 March 2026 at the latest');
    expect(en).toContain('legal proceedings');
    expect(en.startsWith('Dear Sir or Madam,\n')).toBe(true);
  });

  it('quotes the law of the jurisdiction; a consumer owes legal interest from the notice and no indemnity', () => {
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

    const consumerInvoices = ONE.map((i) => ({ ...i, interestCents: 0, indemnityCents: 0, periods: [] }));
    const consumer = plain(
      renderTemplate(
        defaultTemplate('formal-notice', 'fr'),
        contextFor(consumerInvoices, { jurisdiction: 'B2C', penaltyRatePercent: 2.62 }),
        'fr',
      ).body,
    );
    expect(consumer).not.toMatch(/pénalit|indemnit/i);
    expect(consumer).toContain('la somme de 1 234,56 €');
    expect(consumer).toContain('article 1231-6 du Code civil, la présente mise en demeure fait courir');
    expect(consumer).toContain('intérêts au taux légal (2,62 % par an)');
    expect(consumer.startsWith('Bonjour ACME SAS,')).toBe(true);
    // The table: "Intérêts", and no indemnity column.
    expect(consumer).toMatch(/Montant dû {2}Intérêts\n/);
    expect(consumer).not.toMatch(/\n\n\n/);
  });

  it('stays true when earlier stages were skipped, and before the due date', () => {
    const firstTime = plain(renderTemplate(defaultTemplate('reminder-2', 'fr'), contextFor(ONE), 'fr').body);
    expect(firstTime).not.toContain('précédent rappel');
    expect(firstTime).toContain('Sauf erreur ou omission de notre part, la facture F-2026-001');
    const again = plain(
      renderTemplate(defaultTemplate('reminder-2', 'fr'), contextFor(ONE, { reminded: true }), 'fr').body,
    );
    expect(again).toContain('Malgré notre précédent rappel, la facture F-2026-001');
    const en = renderTemplate(defaultTemplate('formal-notice', 'en'), contextFor(ONE), 'en').body;
    expect(en).not.toContain('Despite');

    const lateCourtesy = plain(
      renderTemplate(defaultTemplate('courtesy', 'fr'), contextFor([{ ...INVOICE_B, daysLate: 3 }]), 'fr')
        .body,
    );
    expect(lateCourtesy).toContain('est arrivée à échéance le 28/02/2026');
    expect(lateCourtesy).not.toContain('arrivera');
    const early = renderTemplate(
      defaultTemplate('courtesy', 'fr'),
      contextFor([{ ...INVOICE_B, daysLate: -3 }]),
      'fr',
    );
    expect(plain(early.body)).toContain('arrivera à échéance le 28/02/2026');
    expect(plain(early.subject)).toBe('Petit rappel : facture F-2026-014 à échéance le 28/02/2026');
  });

  it('is signed by the person who sends it, with the company, its details and how to pay', () => {
    const context = contextFor(ONE, {
      senderName: 'Karim Benali',
      sender: { role: 'Comptable', phone: '04 72 00 00 00' },
      company: {
        legalName: 'Atelier Dupont SARL',
        registration: '123 456 789 00012',
        vatNumber: 'FR12123456789',
      },
      payment: {
        iban: 'FR7630006000011234567890189',
        bic: 'AGRIFRPP',
        paymentLink: 'https://pay.example/fa',
      },
    });
    const mail = plain(renderTemplate(defaultTemplate('reminder-1', 'fr'), context, 'fr').body);
    expect(mail).toContain('Karim Benali\nComptable\nAtelier Dupont\nTél. 04 72 00 00 00');
    expect(mail).toContain(
      'Atelier Dupont SARL\n12 rue des Lilas\n75011 Paris\nSIREN/SIRET : 123 456 789 00012',
    );
    expect(mail).toContain('N° TVA intracommunautaire : FR12123456789');
    expect(mail).toContain(
      'Règlement par virement : IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPP, en indiquant la référence facture F-2026-001.',
    );
    expect(mail).toContain('Paiement en ligne : https://pay.example/fa');
    expect(mail).not.toContain('Marie Dupont');
    // A printed letter carries the company's details and payment box itself.
    const letter = plain(
      renderTemplate(defaultTemplate('reminder-1', 'fr'), { ...context, medium: 'letter' }, 'fr').body,
    );
    expect(letter).not.toContain('SIREN');
    expect(letter).not.toContain('IBAN');
    expect(letter).toContain('[[relance:invoice-table]]');
    expect(letter).toContain('Karim Benali\nComptable');
  });

  it('shows the workings per invoice and rate period, so that rate × principal gives the interest', () => {
    const invoice = {
      ...INVOICE_A,
      interestCents: 16_573 + 14_979,
      amountDueCents: 1_000_000,
      periods: [
        { from: '2025-05-16', to: '2025-06-30', days: 46, ratePercent: 13.15, interestCents: 16_573 },
        { from: '2025-07-01', to: '2025-08-14', days: 45, ratePercent: 12.15, interestCents: 14_979 },
      ],
    };
    const text = plain(
      renderTemplate(
        defaultTemplate('formal-notice', 'fr'),
        contextFor([invoice], { rateUnknownAfter: '2026-02-05' }),
        'fr',
      ).body,
    );
    expect(text).toContain(
      'pénalités de retard au taux annuel de 12,15 % à 13,15 % selon la période (voir le détail du calcul)',
    );
    expect(text).toContain(
      'F-2026-001 : 10 000,00 € × 13,15 % × 46 jours ÷ 365 = 165,73 € (du 16/05/2025 au 30/06/2025)',
    );
    expect(text).toContain(
      'F-2026-001 : 10 000,00 € × 12,15 % × 45 jours ÷ 365 = 149,79 € (du 01/07/2025 au 14/08/2025)',
    );
    expect(text).toContain("Le taux de référence n'est publié que jusqu'au 5 février 2026");
    const single = plain(
      renderTemplate(
        defaultTemplate('reminder-2', 'fr'),
        contextFor([{ ...invoice, periods: invoice.periods.slice(1) }]),
        'fr',
      ).body,
    );
    expect(single).toContain('taux annuel de 12,15 %');
    expect(single).not.toContain('taux de référence');
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
