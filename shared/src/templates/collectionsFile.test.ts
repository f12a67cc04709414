import { describe, expect, it } from 'vitest';
import { buildCollectionsFile, collectionsFileText } from './collectionsFile';
import { contextFor, INVOICE_A, INVOICE_B, plain } from './fixtures.test-helpers';

describe('the collections file (dossier de recouvrement)', () => {
  const context = contextFor([INVOICE_A, INVOICE_B], {
    client: { name: 'ACME SAS', address: '3 quai Perrache\n69002 Lyon' },
    company: { legalName: 'Atelier Dupont SARL', registration: '123 456 789' },
  });

  it('gathers the claims, the checklist and what the injonction de payer form asks for', () => {
    const file = buildCollectionsFile(
      context,
      {
        formalNotice: { date: '2026-03-01', trackingNumber: '1A 234' },
        openDispute: false,
        pendingPromise: false,
        timeline: [{ date: '2026-03-01', text: 'Mise en demeure · lettre recommandée avec AR' }],
      },
      'fr',
    );
    expect(file.warnings).toEqual([]);
    expect(file.totals.map((t) => [t.label, plain(t.value)])).toEqual([
      ['Principal restant dû', '1 794,56 €'],
      ['Pénalités de retard', '12,93 €'],
      ['Indemnité forfaitaire pour frais de recouvrement', '80,00 €'],
      ['Total à réclamer', '1 887,49 €'],
    ]);
    const form = Object.fromEntries(file.courtForm.map((f) => [f.label, plain(f.value)]));
    expect(form.Débiteur).toBe('ACME SAS');
    expect(form['Adresse du débiteur']).toBe('3 quai Perrache\n69002 Lyon');
    expect(form['Créancier (demandeur)']).toContain('Atelier Dupont SARL\n12 rue des Lilas');
    expect(form['Créancier (demandeur)']).toContain('SIREN/SIRET : 123 456 789');
    expect(form['Mise en demeure']).toBe('envoyée le 01/03/2026, recommandé n° 1A 234');
    expect(form['Fondement de la créance']).toBe('Factures impayées F-2026-001 (15/01/2026), F-2026-014');
    expect(file.checklist.find((c) => c.text.startsWith('Aucun litige'))?.done).toBe(true);
    expect(collectionsFileText(file)).toContain('DOSSIER DE RECOUVREMENT – USAGE INTERNE');
  });

  it('warns when no formal notice was sent, or a dispute or promise is pending', () => {
    const file = buildCollectionsFile(
      context,
      { openDispute: true, pendingPromise: true, timeline: [] },
      'en',
    );
    expect(file.warnings).toEqual([
      'No formal notice was sent: send one by recorded delivery before any proceedings.',
      'A dispute is open on these invoices: settle it before any proceedings.',
      'A promise to pay is pending: wait for its date.',
    ]);
    expect(file.checklist.find((c) => c.text.startsWith('The formal notice'))?.done).toBe(false);
    expect(collectionsFileText(file)).toContain('[!] The formal notice');
  });
});
