import { describe, expect, it } from 'vitest';
import { parseStatus } from './status';
import { classifyLabel } from './vocabulary';

describe('column headers, French and English, any accents and case', () => {
  it.each([
    ['N° facture', 'number'],
    ['Numéro', 'number'],
    ['Réf.', 'number'],
    ['Invoice #', 'number'],
    ['Number', 'number'],
    ['Client', 'client'],
    ['Tiers', 'client'],
    ['Customer', 'client'],
    ['Montant TTC', 'total'],
    ['Amount', 'total'],
    ['Reste à payer', 'amountDue'],
    ['RESTE A PAYER', 'amountDue'],
    ['Balance', 'amountDue'],
    ['Amount due', 'amountDue'],
    ['Échéance', 'dueDate'],
    ["Date d'échéance", 'dueDate'],
    ['Date d’échéance ▲', 'dueDate'],
    ['Due Date', 'dueDate'],
    ['Invoice date', 'issueDate'],
    ['Date', 'issueDate'],
    ['Statut', 'status'],
    ['Status', 'status'],
    ['E-mail', 'email'],
  ])('%s → %s', (header, field) => {
    expect(classifyLabel(header)?.field).toBe(field);
  });

  it.each(['Montant HT', 'Total HT', 'TVA', 'Payée le', 'Date de paiement', 'Actions', 'Désignation'])(
    'ignores %s',
    (header) => {
      expect(classifyLabel(header)).toBeNull();
    },
  );
});

describe('status words', () => {
  it.each([
    ['Payée', 'paid'],
    ['Paid', 'paid'],
    ['Réglée', 'paid'],
    ['Soldée', 'paid'],
    ['Impayée', 'unpaid'],
    ['Non payée', 'unpaid'],
    ['En retard', 'unpaid'],
    ['Overdue', 'unpaid'],
    ['Partiellement payée', 'partial'],
    ['Partially paid', 'partial'],
    ['Brouillon', 'draft'],
    ['Annulée', 'cancelled'],
    ['Validée', 'unpaid'],
    ['Sent', 'unpaid'],
  ])('%s → %s', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it('says nothing about words it does not know', () => {
    expect(parseStatus('')).toBeNull();
    expect(parseStatus('Bleu')).toBeNull();
  });
});
