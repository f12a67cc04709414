import { normalizeLabel } from './text';

/** What a column header or a detail label can name. `ignore` marks look-alikes (Montant HT, Payée le). */
export type InvoiceField =
  | 'number'
  | 'client'
  | 'email'
  | 'amountDue'
  | 'paid'
  | 'total'
  | 'currency'
  | 'issueDate'
  | 'dueDate'
  | 'status'
  | 'docType';
type Classified = InvoiceField | 'ignore';

/**
 * Header and label words, French and English, as `normalizeLabel` writes them. A header takes the
 * field of the LONGEST phrase it contains as whole words, so `Invoice date` is an issue date and not
 * an invoice number, and `Montant HT` is ignored rather than taken for `Montant`.
 */
const PHRASES: Record<Classified, string[]> = {
  number: [
    'no facture',
    'no de facture',
    'numero',
    'numero facture',
    'numero de facture',
    'facture no',
    'ref',
    'reference',
    'reference facture',
    'piece',
    'no piece',
    'facture',
    'no',
    'number',
    'invoice',
    'invoice #',
    'invoice no',
    'invoice number',
    'invoice ref',
    'number #',
    'doc no',
    'document',
  ],
  client: [
    'client',
    'clients',
    'nom client',
    'nom du client',
    'tiers',
    'societe',
    'raison sociale',
    'entreprise',
    'destinataire',
    'customer',
    'customer name',
    'client name',
    'company',
    'bill to',
    'billed to',
    'to',
    'partenaire',
    'partner',
    'account',
  ],
  email: ['email', 'e mail', 'courriel', 'mail', 'adresse email', 'email client', 'customer email'],
  amountDue: [
    'reste a payer',
    'reste du',
    'restant du',
    'montant du',
    'montant restant',
    'reste a regler',
    'solde',
    'solde du',
    'a payer',
    'balance',
    'balance due',
    'amount due',
    'due amount',
    'outstanding',
    'amount outstanding',
    'open amount',
    'remaining',
    'unpaid amount',
    'creance',
    'creances',
    'montant restant du',
    'reste a encaisser',
    'a encaisser',
    'solde restant',
    'solde a payer',
    'amount remaining',
    'remaining balance',
    'remaining amount',
    'open balance',
    'outstanding balance',
    'left to pay',
    'amount to pay',
    'unpaid',
  ],
  paid: [
    'recu',
    'recus',
    'deja regle',
    'deja paye',
    'deja encaisse',
    'deja recu',
    'montant regle',
    'montant paye',
    'montant encaisse',
    'montant recu',
    'regle',
    'paye',
    'encaisse',
    'paiements',
    'reglements',
    'total regle',
    'total paye',
    'amount paid',
    'paid',
    'paid amount',
    'paid to date',
    'total paid',
    'payments',
    'payments received',
    'amount received',
  ],
  total: [
    'montant',
    'montant ttc',
    'total',
    'total ttc',
    'montant total',
    'total a payer',
    'net a payer',
    'ttc',
    'amount',
    'total amount',
    'invoice total',
    'amount incl tax',
    'total incl tax',
    'grand total',
  ],
  currency: ['devise', 'monnaie', 'currency'],
  issueDate: [
    'date',
    'date facture',
    'date de facture',
    'date de facturation',
    'date d emission',
    'emise le',
    'emission',
    'cree le',
    'date de creation',
    'invoice date',
    'issue date',
    'issued',
    'issued on',
    'date issued',
    'created',
    'created on',
    'billing date',
  ],
  dueDate: [
    'echeance',
    'date echeance',
    'date d echeance',
    'date limite',
    'date limite de paiement',
    'a regler avant le',
    'payable le',
    'payable avant le',
    'due',
    'due date',
    'due on',
    'date due',
    'payment due',
    'payment due date',
    'due by',
    'date limite reglement',
    'date limite de reglement',
    'date d echeance de paiement',
    'echeance de paiement',
    'date de paiement prevue',
    'payable by',
    'pay by',
    'expected payment date',
  ],
  status: [
    'statut',
    'etat',
    'status',
    'state',
    'statut paiement',
    'statut de paiement',
    'statut du paiement',
    'payment state',
    'payment status',
    'etat du paiement',
    'etat de paiement',
  ],
  docType: ['type', 'type de document', 'type de facture', 'document type', 'invoice type', 'nature'],
  ignore: [
    'montant ht',
    'total ht',
    'ht',
    'tva',
    'montant tva',
    'vat',
    'tax',
    'subtotal',
    'sous total',
    'amount excl tax',
    'date de paiement',
    'date de reglement',
    'paye le',
    'payee le',
    'regle le',
    'paid on',
    'payment date',
    'date paid',
    'recu le',
    'encaisse le',
    'received on',
    'reference client',
    'ref client',
    'code client',
    'customer id',
    'customer ref',
    'client id',
    'commercial',
    'sales rep',
    'contact',
    'telephone',
    'phone',
    'actions',
    'action',
  ],
};

const INDEX = new Map<string, Classified>();
for (const [field, phrases] of Object.entries(PHRASES) as [Classified, string[]][]) {
  for (const phrase of phrases) INDEX.set(phrase, field);
}

export interface HeaderMatch {
  field: InvoiceField;
  /** Length of the matched phrase: the better the match, the higher. */
  score: number;
  /** True when the whole header is the phrase (no other words). */
  exact: boolean;
}

/** The field a header or label names, or null (unknown, or a look-alike to ignore). */
export function classifyLabel(text: string): HeaderMatch | null {
  const norm = normalizeLabel(text);
  if (!norm || norm.length > 60) return null;
  const words = norm.split(' ');
  let best: { field: Classified; score: number; exact: boolean } | null = null;
  // Every run of consecutive words is a candidate phrase: at most 60 chars, so few runs.
  for (let i = 0; i < words.length; i++) {
    let phrase = '';
    for (let j = i; j < words.length && j < i + 6; j++) {
      phrase = phrase ? `${phrase} ${words[j]}` : words[j]!;
      const field = INDEX.get(phrase);
      if (field && (!best || phrase.length > best.score)) {
        best = { field, score: phrase.length, exact: phrase === norm };
      }
    }
  }
  if (!best || best.field === 'ignore') return null;
  return { field: best.field, score: best.score, exact: best.exact };
}
