import { describe, expect, it } from 'vitest';
import { computeReminderTotals } from './context';
import { contextFor, INVOICE_A, INVOICE_B, INVOICE_C, plain } from './fixtures.test-helpers';
import { PLACEHOLDERS } from './placeholders';
import { placeholderValues, renderTemplate, TemplateError, validateTemplate } from './render';

const render = (body: string, invoices = [INVOICE_A], lang: 'fr' | 'en' = 'fr', extra = {}) =>
  renderTemplate({ subject: '', body }, contextFor(invoices, extra), lang).body;

describe('renderTemplate: placeholders', () => {
  it('fills every placeholder, formatted for the language', () => {
    const fr = placeholderValues(contextFor([INVOICE_A, INVOICE_B, INVOICE_C]), 'fr');
    expect(plain(fr.total_due)).toBe('14 294,56 €');
    expect(fr.invoice_number).toBe('F-2026-001, F-2026-014 et F-2026-020');
    expect(fr.invoice_count).toBe('3');
    expect(fr.due_date).toBe('14/02/2026'); // the oldest
    expect(fr.days_late).toBe('26'); // the longest
    expect(plain(fr.interest)).toBe('58,71 €');
    expect(plain(fr.indemnity)).toBe('120,00 €');
    expect(plain(fr.total_with_penalties)).toBe('14 473,27 €');
    expect(plain(fr.rate)).toBe('12,15 %');
    expect(fr.deadline).toBe('20 mars 2026');
    expect(fr.today).toBe('12 mars 2026');
    expect(fr.client).toBe('ACME SAS');
    expect(fr.sender).toBe('Marie Dupont');
    expect(fr.company).toBe('Atelier Dupont');
    expect(fr.company_address).toBe('12 rue des Lilas\n75011 Paris');
    expect(fr.penalty_law).toBe("l'article L441-10 du Code de commerce");
    expect(fr.indemnity_basis).toBe('40 € par facture');

    const en = placeholderValues(contextFor([INVOICE_A, INVOICE_B, INVOICE_C]), 'en');
    expect(en.total_due).toBe('€14,294.56');
    expect(en.invoice_number).toBe('F-2026-001, F-2026-014 and F-2026-020');
    expect(en.due_date).toBe('14 Feb 2026');
    expect(en.rate).toBe('12.15%');
    expect(en.deadline).toBe('20 March 2026');
    expect(Object.keys(en).sort()).toEqual([...PLACEHOLDERS].sort());
  });

  it('uses a given deadline and given totals', () => {
    const values = placeholderValues(
      contextFor([INVOICE_A], {
        deadline: '2026-04-01',
        totals: {
          currency: 'EUR',
          amountDueCents: 100,
          interestCents: 20,
          indemnityCents: 0,
          totalWithPenaltiesCents: 120,
        },
      }),
      'en',
    );
    expect(values.deadline).toBe('1 April 2026');
    expect(values.total_due).toBe('€1.00');
    expect(values.total_with_penalties).toBe('€1.20');
  });

  it('tolerates spaces and capitals inside the braces', () => {
    expect(render('Bonjour {{ Client }}, {{INVOICE_NUMBER}}')).toBe('Bonjour ACME SAS, F-2026-001');
  });

  it('puts the subject on one line', () => {
    const { subject } = renderTemplate(
      { subject: '{{#plural}}\nFactures {{invoice_number}}\n{{/plural}}', body: '' },
      contextFor([INVOICE_A, INVOICE_B]),
      'fr',
    );
    expect(subject).toBe('Factures F-2026-001 et F-2026-014');
  });

  it('leaves single braces and other text alone', () => {
    expect(render('Réf. {client} – 100 % {{client}}')).toBe('Réf. {client} – 100 % ACME SAS');
  });
});

describe('renderTemplate: sections', () => {
  const wording = '{{#singular}}votre facture{{/singular}}{{#plural}}vos factures{{/plural}}';

  it('keeps the singular or the plural text', () => {
    expect(render(wording, [INVOICE_A])).toBe('votre facture');
    expect(render(wording, [INVOICE_A, INVOICE_B])).toBe('vos factures');
  });

  it('keeps the indemnity text only when an indemnity is due', () => {
    const text = 'Pénalités {{interest}}{{#indemnity}} et indemnité {{indemnity}}{{/indemnity}}.';
    expect(plain(render(text))).toBe('Pénalités 10,69 € et indemnité 40,00 €.');
    expect(plain(render(text, [{ ...INVOICE_A, indemnityCents: undefined }]))).toBe('Pénalités 10,69 €.');
  });

  it('nests', () => {
    const text = '{{#plural}}A{{#indemnity}}B{{/indemnity}}C{{/plural}}D';
    expect(render(text, [INVOICE_A, INVOICE_B])).toBe('ABCD');
    expect(render(text, [INVOICE_A])).toBe('D');
  });

  it('removes the lines of section tags that stand alone, and only those', () => {
    const text =
      'Un.\n\n{{#plural}}\nDeux.\n\n{{/plural}}\n  {{#singular}}  \nTrois.\n{{/singular}}\nQuatre.';
    expect(render(text, [INVOICE_A])).toBe('Un.\n\nTrois.\nQuatre.');
    expect(render(text, [INVOICE_A, INVOICE_B])).toBe('Un.\n\nDeux.\n\nQuatre.');
    expect(render('A {{#singular}}x{{/singular}}\nB', [INVOICE_A])).toBe('A x\nB');
  });

  it('reads templates saved with Windows line ends', () => {
    expect(render('A\r\n{{#singular}}\r\nB\r\n{{/singular}}\r\nC')).toBe('A\nB\nC');
  });
});

describe('validateTemplate and errors', () => {
  it('accepts a correct template', () => {
    expect(
      validateTemplate({ subject: 'Facture {{invoice_number}}', body: '{{#plural}}x{{/plural}}' }),
    ).toEqual([]);
  });

  it('reports an unknown placeholder with the known ones and a suggestion', () => {
    const [problem, ...rest] = validateTemplate({ subject: '', body: 'Bonjour {{clent}}' }, 'en');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ field: 'body', kind: 'unknown-placeholder', tag: '{{clent}}' });
    expect(problem!.message).toContain('Unknown placeholder {{clent}}. Did you mean {{client}}?');
    for (const name of PLACEHOLDERS) expect(problem!.message).toContain(`{{${name}}}`);

    const [fr] = validateTemplate({ subject: 'Objet {{montant}}', body: '' }, 'fr');
    expect(fr).toMatchObject({ field: 'subject', kind: 'unknown-placeholder' });
    expect(fr!.message).toMatch(/^Champ inconnu \{\{montant\}\}\. Champs disponibles : \{\{client\}\}, /);
  });

  it('reports section mistakes', () => {
    const kinds = (body: string) => validateTemplate({ subject: '', body }, 'en').map((p) => p.kind);
    expect(kinds('{{#plural}}x')).toEqual(['unclosed-section']);
    expect(kinds('x{{/plural}}')).toEqual(['unexpected-close']);
    expect(kinds('{{#plural}}x{{/singular}}')).toEqual(['unexpected-close', 'unclosed-section']);
    expect(kinds('{{#client}}x{{/client}}')).toEqual(['unknown-section']);
    expect(kinds('{{client}')).toEqual(['unmatched-braces']);
    expect(kinds('{{client name}}')).toEqual(['malformed-tag']);
    expect(kinds('{{}}')).toEqual(['malformed-tag']);
    expect(validateTemplate({ subject: '', body: '{{#plural}}x' }, 'fr')[0]!.message).toBe(
      "La section {{#plural}} n'est pas fermée par {{/plural}}.",
    );
  });

  it('renderTemplate throws a TemplateError listing every problem', () => {
    const template = { subject: '{{sujet}}', body: 'Bonjour {{clent}} {{#plural}}' };
    expect(() => renderTemplate(template, contextFor([INVOICE_A]), 'en')).toThrow(TemplateError);
    try {
      renderTemplate(template, contextFor([INVOICE_A]), 'en');
    } catch (error) {
      const problems = (error as TemplateError).problems;
      expect(problems.map((p) => `${p.field}:${p.kind}`)).toEqual([
        'subject:unknown-placeholder',
        'body:unknown-placeholder',
        'body:unclosed-section',
      ]);
      expect((error as Error).message).toContain('body: Unknown placeholder {{clent}}');
    }
  });
});

describe('computeReminderTotals', () => {
  it('sums amounts, interest and indemnities', () => {
    expect(computeReminderTotals([INVOICE_A, INVOICE_B, INVOICE_C])).toEqual({
      currency: 'EUR',
      amountDueCents: 1429456,
      interestCents: 5871,
      indemnityCents: 12000,
      totalWithPenaltiesCents: 1447327,
    });
    expect(
      computeReminderTotals([{ ...INVOICE_B, interestCents: undefined, indemnityCents: undefined }]),
    ).toEqual({
      currency: 'EUR',
      amountDueCents: 56000,
      interestCents: 0,
      indemnityCents: 0,
      totalWithPenaltiesCents: 56000,
    });
  });

  it('refuses no invoice and mixed currencies', () => {
    expect(() => computeReminderTotals([])).toThrow(/at least one invoice/);
    expect(() => computeReminderTotals([INVOICE_A, { ...INVOICE_B, currency: 'USD' }])).toThrow(
      /F-2026-001 \(EUR\) and F-2026-014 \(USD\).*one reminder per currency/,
    );
    expect(() => render('{{total_due}}', [])).toThrow(RangeError);
  });
});
