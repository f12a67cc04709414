import type { InvoiceStatus } from '@relance/shared';
import { normalizeLabel } from './text';

/**
 * Status words as invoicing tools print them. Order matters: "partiellement payée" is partial and
 * "impayée"/"non payée" are unpaid although they contain "payée".
 */
const RULES: [RegExp, InvoiceStatus][] = [
  [
    /\b(brouillon|draft|proforma|pro forma|devis|provisoire|a valider|en attente de validation|awaiting approval)\b/,
    'draft',
  ],
  [
    /\b(annulee?s?|cancell?ed|void|voided|abandonnee?s?|uncollectible|irrecouvrable|written off|reversed|perdue?s?)\b/,
    'cancelled',
  ],
  [/\b(partiel\w*|partial\w*|acompte|part paid|commencee?s?)\b/, 'partial'],
  [/\b(impaye\w*|non (paye\w*|regle\w*)|unpaid|not paid|overdue|past due|en retard|late|retard)\b/, 'unpaid'],
  [
    /\b(payee?s?|paid|reglee?s?|soldee?s?|acquittee?s?|encaissee?s?|settled|closed|cloturee?s?|deposited|en paiement|in payment)\b/,
    'paid',
  ],
  [
    /\b(a payer|a regler|envoyee?s?|emise?s?|validee?s?|ouverte?s?|en attente|sent|open|issued|pending|due|due in|outstanding|awaiting payment|viewed|vue|approved|a echeance)\b/,
    'unpaid',
  ],
];

/** The status a status cell says, or null when it says nothing we recognise. */
export function parseStatus(text: string): InvoiceStatus | null {
  const norm = normalizeLabel(text);
  if (!norm) return null;
  for (const [pattern, status] of RULES) if (pattern.test(norm)) return status;
  return null;
}
