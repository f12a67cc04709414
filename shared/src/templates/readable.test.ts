import { describe, expect, it } from 'vitest';
import { STAGE_IDS } from '../vocabulary/stages';
import { DEFAULT_TEMPLATES } from './defaults/index';
import { contextFor, INVOICE_A, INVOICE_B } from './fixtures.test-helpers';
import { PLACEHOLDERS, SECTIONS } from './placeholders';
import { FIELD_LABELS, fromReadable, SECTION_LABELS, toReadable, unknownBracketed } from './readable';
import { renderTemplate } from './render';

describe('readable templates', () => {
  it('shows fields and sections by name, in French and in English', () => {
    const source =
      '{{#singular}}La facture {{invoice_number}}{{/singular}}{{#plural}}Les factures{{/plural}} : {{total_due}}';
    expect(toReadable(source, 'fr')).toBe(
      '[Si une seule facture]La facture [Numéro de facture][Fin si une seule facture]' +
        '[Si plusieurs factures]Les factures[Fin si plusieurs factures] : [Montant dû]',
    );
    expect(toReadable('{{client}}', 'en')).toBe('[Client name]');
    expect(toReadable(source, 'fr')).not.toContain('{{');
  });

  it('round-trips every default template, plural sections included, in both languages', () => {
    for (const templateLang of ['fr', 'en'] as const)
      for (const stage of STAGE_IDS)
        for (const uiLang of ['fr', 'en'] as const) {
          const t = DEFAULT_TEMPLATES[templateLang][stage];
          for (const text of [t.subject, t.body]) {
            const readable = toReadable(text, uiLang);
            expect(readable).not.toMatch(/\{\{/);
            expect(fromReadable(readable, uiLang)).toBe(text);
          }
        }
  });

  it('reads nested sections back', () => {
    const source = '{{#overdue}}{{#plural}}{{invoice_count}} factures{{/plural}}{{/overdue}}';
    expect(fromReadable(toReadable(source, 'fr'), 'fr')).toBe(source);
  });

  it('accepts names typed in another case or spacing, or in the other language', () => {
    expect(fromReadable('Bonjour [ nom  du CLIENT ],', 'fr')).toBe('Bonjour {{client}},');
    expect(fromReadable('[Amount due]', 'fr')).toBe('{{total_due}}');
  });

  it('leaves other brackets and raw syntax as written, and names the unknown ones', () => {
    expect(fromReadable('Réf. [interne] {{client}}', 'fr')).toBe('Réf. [interne] {{client}}');
    expect(toReadable('{{unknown}} {{#nope}}', 'fr')).toBe('{{unknown}} {{#nope}}');
    expect(unknownBracketed('[Nom du clien] [Nom du client] [Nom du clien]', 'fr')).toEqual([
      '[Nom du clien]',
    ]);
  });

  it('gives every field and section a distinct name, without brackets', () => {
    for (const lang of ['fr', 'en'] as const) {
      const names = [
        ...PLACEHOLDERS.map((p) => FIELD_LABELS[lang][p].toLowerCase()),
        ...SECTIONS.map((s) => SECTION_LABELS[lang][s].toLowerCase()),
      ];
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).not.toMatch(/[[\]{}]/);
    }
  });

  it('renders the same once read back', () => {
    const t = DEFAULT_TEMPLATES.fr['reminder-2'];
    const back = {
      subject: fromReadable(toReadable(t.subject, 'en'), 'en'),
      body: fromReadable(toReadable(t.body, 'en'), 'en'),
    };
    expect(renderTemplate(back, contextFor([INVOICE_A, INVOICE_B]), 'fr')).toEqual(
      renderTemplate(t, contextFor([INVOICE_A, INVOICE_B]), 'fr'),
    );
  });
});
