import type { Jurisdiction } from '../vocabulary/invoices';
import type { Language } from '../vocabulary/languages';

/**
 * The text that late penalties rest on, for `{{penalty_law}}`, written to follow "conformément à" /
 * "under". France B2B: Code de commerce L441-10 (penalties and the 40 € indemnity, amount set by
 * D441-5); EU: Directive 2011/7/EU; UK: the 1998 Act; consumers: legal interest (Code civil 1231-6).
 */
export const PENALTY_LAW: Record<Jurisdiction, Record<Language, string>> = {
  FR: {
    fr: "l'article L441-10 du Code de commerce",
    en: 'Article L441-10 of the French Commercial Code',
  },
  EU: {
    fr: 'la directive 2011/7/UE concernant la lutte contre le retard de paiement dans les transactions commerciales',
    en: 'Directive 2011/7/EU on combating late payment in commercial transactions',
  },
  UK: {
    fr: 'la loi britannique Late Payment of Commercial Debts (Interest) Act 1998',
    en: 'the Late Payment of Commercial Debts (Interest) Act 1998',
  },
  B2C: {
    fr: "l'article 1231-6 du Code civil",
    en: 'Article 1231-6 of the French Civil Code',
  },
};

/** How the fixed recovery indemnity is set, for `{{indemnity_basis}}` (consumers owe none). */
export const INDEMNITY_BASIS: Record<Jurisdiction, Record<Language, string>> = {
  FR: { fr: '40 € par facture', en: '€40 per invoice' },
  EU: { fr: '40 € par facture', en: '€40 per invoice' },
  UK: {
    fr: '40 £, 70 £ ou 100 £ par facture selon son montant',
    en: '£40, £70 or £100 per invoice depending on its amount',
  },
  B2C: { fr: 'aucune envers un consommateur', en: 'none for a consumer' },
};
