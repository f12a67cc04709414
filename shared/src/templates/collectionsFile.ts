import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import type { IsoDate } from '../vocabulary/isoDate';
import type { Language } from '../vocabulary/languages';
import { companyDetails, interestDetails } from './blocks';
import { computeReminderTotals, type ReminderContext } from './context';
import { renderInvoiceTable } from './invoiceTable';
import { PENALTY_LAW } from './penaltyLaw';

/**
 * The collections file (dossier de recouvrement) of the `legal` stage: a file for the team or its
 * lawyer, never a message to the client. It gathers the claims, what was done (timeline), a
 * checklist of the documents and checks a court asks for, and the data the injonction de payer
 * form (Cerfa 12948, or its online version) asks for. Printed or exported from the overlay.
 */
export interface CollectionsFileFacts {
  /** The latest formal notice sent for these invoices. */
  formalNotice?: { date: IsoDate; deadline?: IsoDate; trackingNumber?: string };
  /** A dispute is open on one of the invoices. */
  openDispute: boolean;
  /** A promise to pay whose date has not passed. */
  pendingPromise: boolean;
  /** Lines of the client's timeline, oldest first, already in words. */
  timeline: { date: IsoDate; text: string }[];
}

export interface ChecklistItem {
  text: string;
  /** Known done (true), known missing (false), or for the person to check (null). */
  done: boolean | null;
}

export interface CollectionsFile {
  title: string;
  clientName: string;
  /** The invoices as a plain-text table, with interest and indemnity. */
  claimsTable: string;
  totals: { label: string; value: string }[];
  interestWorkings: string;
  warnings: string[];
  /** Documents to gather, then checks. */
  checklist: ChecklistItem[];
  timeline: { date: string; text: string }[];
  /** What the injonction de payer request asks for, filled in from what is known. */
  courtForm: { label: string; value: string }[];
}

const WORDS = {
  fr: {
    title: 'Dossier de recouvrement – usage interne',
    principal: 'Principal restant dû',
    interest: 'Pénalités de retard',
    legalInterest: 'Intérêts au taux légal',
    indemnity: 'Indemnité forfaitaire pour frais de recouvrement',
    total: 'Total à réclamer',
    noNotice:
      "Aucune mise en demeure n'a été envoyée : envoyez-en une par lettre recommandée avec AR avant toute procédure.",
    dispute: 'Un litige est ouvert sur ces factures : réglez-le avant toute procédure.',
    promise: 'Une promesse de paiement est en cours : attendez sa date.',
    docs: [
      'Les factures, le devis signé, le bon de commande ou le contrat',
      'Les conditions générales de vente acceptées (taux des pénalités, indemnité forfaitaire)',
      "Les preuves de livraison ou d'exécution de la prestation",
      "L'historique des relances (dates, canaux, interlocuteurs) : ci-dessous",
    ],
    notice: 'La mise en demeure et l’avis de réception du recommandé',
    exchanges: 'Les échanges avec le client (promesses de paiement, contestations)',
    noDispute: 'Aucun litige ouvert ni promesse de paiement en cours',
    prescription: 'Créance non prescrite (5 ans entre professionnels, 2 ans envers un consommateur)',
    identity: 'Identité exacte du débiteur (raison sociale, SIREN, adresse du siège)',
    creditor: 'Créancier (demandeur)',
    debtor: 'Débiteur',
    debtorAddress: 'Adresse du débiteur',
    amount: 'Montant demandé en principal',
    accessories: 'Intérêts et frais demandés',
    basis: 'Fondement de la créance',
    basisValue: 'Factures impayées {numbers}',
    noticeField: 'Mise en demeure',
    noticeValue: 'envoyée le {date}{tracking}',
    tracking: ', recommandé n° {number}',
    none: 'aucune',
    court:
      'Juridiction : tribunal de commerce si le débiteur est commerçant, sinon tribunal judiciaire (requête en injonction de payer, Cerfa 12948, en ligne ou au greffe)',
    courtLabel: 'Où déposer la requête',
    toFill: 'à compléter',
  },
  en: {
    title: 'Debt recovery file – internal use',
    principal: 'Principal outstanding',
    interest: 'Late-payment interest',
    legalInterest: 'Interest at the legal rate',
    indemnity: 'Fixed compensation for recovery costs',
    total: 'Total to claim',
    noNotice: 'No formal notice was sent: send one by recorded delivery before any proceedings.',
    dispute: 'A dispute is open on these invoices: settle it before any proceedings.',
    promise: 'A promise to pay is pending: wait for its date.',
    docs: [
      'The invoices, and the signed quote, purchase order or contract',
      'The accepted terms and conditions (interest rate, fixed compensation)',
      'Proof of delivery or of the work done',
      'The history of reminders (dates, channels, contacts): below',
    ],
    notice: 'The formal notice and its proof of delivery',
    exchanges: 'Correspondence with the client (promises to pay, disputes)',
    noDispute: 'No open dispute and no pending promise to pay',
    prescription:
      'The claim is not time-barred (France: 5 years between businesses, 2 against a consumer; England and Wales: 6 years)',
    identity: "The debtor's exact legal identity (registered name, company number, registered office)",
    creditor: 'Creditor (claimant)',
    debtor: 'Debtor',
    debtorAddress: "Debtor's address",
    amount: 'Principal claimed',
    accessories: 'Interest and costs claimed',
    basis: 'Basis of the claim',
    basisValue: 'Unpaid invoices {numbers}',
    noticeField: 'Formal notice',
    noticeValue: 'sent on {date}{tracking}',
    tracking: ', tracking no. {number}',
    none: 'none',
    court:
      'France: injonction de payer at the tribunal de commerce (trader) or tribunal judiciaire; England and Wales: a money claim in the County Court (Money Claim Online)',
    courtLabel: 'Where to file',
    toFill: 'to fill in',
  },
} as const;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

export function buildCollectionsFile(
  context: ReminderContext,
  facts: CollectionsFileFacts,
  lang: Language,
): CollectionsFile {
  const w = WORDS[lang];
  const totals = context.totals ?? computeReminderTotals(context.invoices);
  const consumer = context.jurisdiction === 'B2C';
  const money = (cents: number) => formatMoney(cents, totals.currency, lang);
  const numbers = context.invoices
    .map((i) => `${i.number}${i.issueDate ? ` (${formatDate(i.issueDate, lang)})` : ''}`)
    .join(', ');
  const notice = facts.formalNotice;

  const warnings = [
    ...(notice ? [] : [w.noNotice]),
    ...(facts.openDispute ? [w.dispute] : []),
    ...(facts.pendingPromise ? [w.promise] : []),
  ];
  const checklist: ChecklistItem[] = [
    ...w.docs.map((text, i) => ({ text, done: i === 3 ? facts.timeline.length > 0 : null })),
    { text: w.notice, done: notice ? null : false },
    { text: w.exchanges, done: null },
    { text: w.noDispute, done: !facts.openDispute && !facts.pendingPromise },
    { text: w.prescription, done: null },
    { text: w.identity, done: null },
  ];
  const creditor = [
    context.company?.legalName || context.companyName,
    companyDetails({ ...context, company: { ...context.company, legalName: undefined } }, lang),
  ]
    .filter(Boolean)
    .join('\n');
  return {
    title: w.title,
    clientName: context.client.name,
    claimsTable: renderInvoiceTable(context.invoices, totals, lang, true, { consumer }),
    totals: [
      { label: w.principal, value: money(totals.amountDueCents) },
      { label: consumer ? w.legalInterest : w.interest, value: money(totals.interestCents) },
      ...(totals.indemnityCents > 0 ? [{ label: w.indemnity, value: money(totals.indemnityCents) }] : []),
      { label: w.total, value: money(totals.totalWithPenaltiesCents) },
    ],
    interestWorkings: interestDetails(context, lang),
    warnings,
    checklist,
    timeline: facts.timeline.map((line) => ({ date: formatDate(line.date, lang), text: line.text })),
    courtForm: [
      { label: w.creditor, value: creditor },
      { label: w.debtor, value: context.client.name },
      { label: w.debtorAddress, value: context.client.address?.trim() || w.toFill },
      { label: w.amount, value: money(totals.amountDueCents) },
      {
        label: w.accessories,
        value: `${money(totals.interestCents + totals.indemnityCents)} (${PENALTY_LAW[context.jurisdiction ?? 'FR'][lang]})`,
      },
      { label: w.basis, value: fill(w.basisValue, { numbers }) },
      {
        label: w.noticeField,
        value: notice
          ? fill(w.noticeValue, {
              date: formatDate(notice.date, lang),
              tracking: notice.trackingNumber ? fill(w.tracking, { number: notice.trackingNumber }) : '',
            })
          : w.none,
      },
      { label: w.courtLabel, value: w.court },
    ],
  };
}

/** The file as plain text, to export or keep with the case. */
export function collectionsFileText(file: CollectionsFile): string {
  const box = (done: boolean | null) => (done === true ? '[x]' : done === false ? '[!]' : '[ ]');
  return [
    file.title.toUpperCase(),
    '',
    file.clientName,
    '',
    ...file.warnings.map((w) => `! ${w}`),
    ...(file.warnings.length ? [''] : []),
    file.claimsTable,
    '',
    ...file.totals.map((t) => `${t.label} : ${t.value}`),
    ...(file.interestWorkings ? ['', file.interestWorkings] : []),
    '',
    ...file.checklist.map((c) => `${box(c.done)} ${c.text}`),
    '',
    ...file.timeline.map((t) => `${t.date}  ${t.text}`),
    '',
    ...file.courtForm.map((f) => `${f.label} : ${f.value.replace(/\n/g, ', ')}`),
  ].join('\n');
}
