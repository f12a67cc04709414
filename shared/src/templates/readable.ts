import type { Language } from '../vocabulary/languages';
import { PLACEHOLDERS, type Placeholder, SECTIONS, type Section } from './placeholders';

/**
 * The template as a person edits it: `{{client}}` reads « [Nom du client] », a section
 * `{{#singular}}…{{/singular}}` reads « [Si une seule facture] … [Fin si une seule facture] ».
 * The stored template keeps the real syntax (syntax.ts); these two functions convert both ways,
 * touching only known tags, so that whatever else was written (including raw `{{…}}`) stays as is
 * and is still checked by validateTemplate.
 */

/** Short names, no brackets inside, unique per language (they are read back). */
export const FIELD_LABELS: Record<Language, Record<Placeholder, string>> = {
  fr: {
    client: 'Nom du client',
    invoices: 'Tableau des factures',
    invoices_with_penalties: 'Tableau des factures avec pénalités',
    invoice_number: 'Numéro de facture',
    invoice_count: 'Nombre de factures',
    total_due: 'Montant dû',
    due_date: "Date d'échéance",
    days_late: 'Jours de retard',
    interest: 'Pénalités de retard',
    indemnity: 'Indemnité forfaitaire',
    indemnity_basis: "Calcul de l'indemnité",
    total_with_penalties: 'Total avec pénalités',
    rate: 'Taux des pénalités',
    penalty_law: 'Texte de loi',
    deadline: 'Date limite de paiement',
    today: 'Date du jour',
    sender: 'Votre nom',
    company: 'Nom de votre entreprise',
    company_address: 'Adresse de votre entreprise',
    greeting: "Formule d'appel",
    signature: 'Signature',
    company_details: "Coordonnées de l'entreprise",
    payment_details: 'Moyens de paiement',
    interest_details: 'Détail des pénalités',
    rate_notice: 'Mention du taux supposé',
    client_address: 'Adresse du client',
  },
  en: {
    client: 'Client name',
    invoices: 'Invoice table',
    invoices_with_penalties: 'Invoice table with interest',
    invoice_number: 'Invoice number',
    invoice_count: 'Number of invoices',
    total_due: 'Amount due',
    due_date: 'Due date',
    days_late: 'Days overdue',
    interest: 'Late-payment interest',
    indemnity: 'Fixed compensation',
    indemnity_basis: 'How compensation is set',
    total_with_penalties: 'Total with interest',
    rate: 'Interest rate',
    penalty_law: 'Law quoted',
    deadline: 'Payment deadline',
    today: "Today's date",
    sender: 'Your name',
    company: 'Your company name',
    company_address: 'Your company address',
    greeting: 'Salutation',
    signature: 'Signature',
    company_details: 'Company details',
    payment_details: 'How to pay',
    interest_details: 'Interest workings',
    rate_notice: 'Assumed rate note',
    client_address: 'Client address',
  },
};

/** What a section's condition is, read after "Si" / "If" and "Fin si" / "End if". */
export const SECTION_LABELS: Record<Language, Record<Section, string>> = {
  fr: {
    singular: 'une seule facture',
    plural: 'plusieurs factures',
    indemnity: 'indemnité due',
    reminded: 'déjà relancé',
    first_reminder: 'première relance',
    not_yet_due: 'aucune facture échue',
    overdue: 'facture échue',
    consumer: 'client particulier',
    business: 'client professionnel',
    assumed_rate: 'taux supposé',
    interest_due: 'pénalités réclamées',
  },
  en: {
    singular: 'single invoice',
    plural: 'several invoices',
    indemnity: 'compensation due',
    reminded: 'already reminded',
    first_reminder: 'first reminder',
    not_yet_due: 'not yet due',
    overdue: 'overdue',
    consumer: 'consumer client',
    business: 'business client',
    assumed_rate: 'assumed rate',
    interest_due: 'interest claimed',
  },
};

const SECTION_WORDS: Record<Language, { open: string; close: string }> = {
  fr: { open: 'Si', close: 'Fin si' },
  en: { open: 'If', close: 'End if' },
};

export const fieldTag = (name: Placeholder, lang: Language) => `[${FIELD_LABELS[lang][name]}]`;
export const sectionOpenTag = (name: Section, lang: Language) =>
  `[${SECTION_WORDS[lang].open} ${SECTION_LABELS[lang][name]}]`;
export const sectionCloseTag = (name: Section, lang: Language) =>
  `[${SECTION_WORDS[lang].close} ${SECTION_LABELS[lang][name]}]`;

const TAG = /\{\{\s*([#/]?)\s*([A-Za-z0-9_]+)\s*\}\}/g;
const BRACKETED = /\[([^[\]\n]+)\]/g;

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);
const isSection = (name: string): name is Section => (SECTIONS as readonly string[]).includes(name);

/** Stored syntax → what the person reads. Unknown tags are left as written. */
export function toReadable(source: string, lang: Language): string {
  return source.replace(TAG, (whole, sigil: string, raw: string) => {
    const name = raw.toLowerCase();
    if (sigil === '' && isPlaceholder(name)) return fieldTag(name, lang);
    if (sigil === '#' && isSection(name)) return sectionOpenTag(name, lang);
    if (sigil === '/' && isSection(name)) return sectionCloseTag(name, lang);
    return whole;
  });
}

const normalize = (label: string) => label.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Every readable tag of a language, normalized, to the syntax it stands for. */
function syntaxByLabel(lang: Language): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of PLACEHOLDERS) map.set(normalize(FIELD_LABELS[lang][name]), `{{${name}}}`);
  for (const name of SECTIONS) {
    map.set(normalize(sectionOpenTag(name, lang).slice(1, -1)), `{{#${name}}}`);
    map.set(normalize(sectionCloseTag(name, lang).slice(1, -1)), `{{/${name}}}`);
  }
  return map;
}
const LABELS = { fr: syntaxByLabel('fr'), en: syntaxByLabel('en') };

/**
 * What the person wrote → stored syntax. Bracketed names are read in `lang` first, then in the other
 * language (a template written with French names while the page is in English still works); case and
 * spacing inside the brackets do not matter. Other bracketed text stays as text.
 */
export function fromReadable(text: string, lang: Language): string {
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  return text.replace(BRACKETED, (whole, label: string) => {
    const key = normalize(label);
    return LABELS[lang].get(key) ?? LABELS[other].get(key) ?? whole;
  });
}

/**
 * Bracketed text that is not a field: shown to the person, since it would reach the client as
 * written (« [Nom du clien] » is most likely a typo).
 */
export function unknownBracketed(text: string, lang: Language): string[] {
  const other: Language = lang === 'fr' ? 'en' : 'fr';
  const unknown: string[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const key = normalize(match[1]!);
    if (!LABELS[lang].has(key) && !LABELS[other].has(key)) unknown.push(match[0]);
  }
  return [...new Set(unknown)];
}
