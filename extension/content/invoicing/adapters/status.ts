import type { InvoiceStatus } from '@relance/shared';
import { normalizeLabel } from './text';

/**
 * Status words as invoicing tools print them. Order matters: "partiellement payée" is partial and
 * "impayée"/"non payée" are unpaid although they contain "payée".
 */
const RULES: [RegExp, InvoiceStatus][] = [
  [/\b(partiel\w*|partial\w*|acompte|part paid|commencee?s?)\b/, 'partial'],
  [/\b(impaye\w*|non (paye\w*|regle\w*)|unpaid|not paid|overdue|en retard|late|retard)\b/, 'unpaid'],
  [/\b(payee?s?|paid|reglee?s?|soldee?s?|acquittee?s?|encaissee?s?|settled|closed|cloturee?s?)\b/, 'paid'],
  [/\b(brouillon|draft|proforma|devis)\b/, 'draft'],
  [/\b(annulee?s?|cancell?ed|void|voided|abandonnee?s?)\b/, 'cancelled'],
  [
    /\b(a payer|a regler|envoyee?s?|emise?s?|validee?s?|ouverte?s?|en attente|sent|open|issued|pending|due|outstanding|awaiting payment)\b/,
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
