import {
  type Activity,
  addDays,
  applyRateUpdates,
  buildCollectionsFile,
  type CollectionsFileFacts,
  collectionsFileText,
  compareActivities,
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_RATE_TABLE,
  daysBetween,
  describeActivity,
  firmestStage,
  formatDateLong,
  invoiceColumns,
  invoiceStagesOf,
  isReminderLike,
  isStageId,
  type Language,
  type LatePaymentSummary,
  latePaymentForInvoices,
  latePaymentItemFromInvoice,
  paymentReference,
  planClientReminder,
  type ReminderContext,
  type ReminderInvoice,
  renderTemplate,
  type StageId,
  stageKind,
  stageShownBy,
  type TeamSettings,
  templateFor,
  withoutVoided,
} from '@relance/shared';
import type { ClientRow, InvoiceRow, RelanceDb } from '../../db';
import type { LastReminder, LetterData, PausedInvoice, PreparedReminder } from '../../messages';
import { UserError } from '../../userError';
import { paymentQrModules } from './paymentQr';
import { activitiesByClient, type EvaluatedInvoice, evaluateWithActivities, lastReminderOf } from './policy';

/** Who sends the reminder (profile.ts `signerOf`): they sign it, and their own reminders are no teammate's. */
export interface Signer {
  personId?: string;
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

export interface PrepareInput {
  invoiceIds: string[];
  settings: TeamSettings;
  today: string;
  signer: Signer;
  /** The page's or the compose window's language: used when the client has none of its own. */
  language?: Language;
  /** Written for this stage rather than the one due (a formal notice printed ahead of time). */
  forcedStage?: StageId;
}

/**
 * The reminder for invoices, one message per client (and currency), nothing sent or logged here: a
 * person reviews it, sends it and confirms it went out.
 * - What it covers: the client's invoices whose action is due, of the same kind as the one asked
 *   about (policy/grouping.ts: a formal notice or the collections file never covers amicable
 *   invoices), each at its own stage (`invoiceStages`). When nothing is due (paused, done), the
 *   invoices asked about alone, with the reasons of their pauses said first (`paused`).
 * - Its language: the client's own, else the page's (or compose window's), else the team's.
 * - Late-payment interest on what is left to pay, per invoice and rate period, with the team's
 *   rate updates laid over the shipped table; consumers from the formal notice.
 * - Signed by the person sending it; the company's details and how to pay in every reminder; a
 *   letter with both addresses and the SEPA transfer QR code; the collections file at `legal`.
 */
export async function prepareReminders(db: RelanceDb, input: PrepareInput): Promise<PreparedReminder[]> {
  const { invoiceIds, settings, today, forcedStage } = input;
  if (forcedStage !== undefined && !isStageId(forcedStage)) {
    throw new UserError('invalid-stage', `unknown stage ${String(forcedStage)}`);
  }
  const asked = (await db.invoices.bulkGet(invoiceIds)).filter((i): i is InvoiceRow => !!i && !i.deleted);
  if (asked.length === 0) throw new UserError('unknown-invoice', 'none of these invoices is known');

  const reminders: PreparedReminder[] = [];
  for (const group of groupBy(asked, (i) => `${i.clientId}|${i.currency}`)) {
    const first = group[0]!;
    const client = first.clientId ? await db.clients.get(first.clientId) : undefined;
    const siblings = first.clientId
      ? (await db.invoices.where('clientId').equals(first.clientId).toArray()).filter(
          (i) => !i.deleted && i.currency === first.currency && !group.some((g) => g.id === i.id),
        )
      : [];
    const byClient = await activitiesByClient(db, first.clientId ? [first.clientId] : []);
    const activities = (first.clientId && byClient.get(first.clientId)) || [];
    const all = [...group, ...siblings];
    const plan = planClientReminder({
      invoices: all,
      activities,
      schedule: settings.schedule,
      today,
      focusInvoiceId: first.id,
    });
    const evaluated = evaluateWithActivities(all, byClient, settings, today);
    const inPlan = (e: EvaluatedInvoice) =>
      plan?.invoices.some((p) => p.invoice.id === e.invoice.id) ?? false;
    // The plan when the invoice asked about is in it (or due at all); else that invoice alone.
    const askedInPlan = evaluated.some((e) => group.some((g) => g.id === e.invoice.id) && inPlan(e));
    const covered = askedInPlan
      ? evaluated.filter(inPlan)
      : evaluated.filter((e) => group.some((g) => g.id === e.invoice.id));
    const stage = forcedStage ?? (askedInPlan ? plan!.stage : stageReached(covered));
    reminders.push(
      prepareOne({
        ...input,
        client,
        clientName: first.clientName,
        covered,
        stage,
        activities,
        askedIds: group.map((g) => g.id),
      }),
    );
  }
  return reminders;
}

interface OneInput extends PrepareInput {
  client: ClientRow | undefined;
  clientName: string;
  covered: EvaluatedInvoice[];
  stage: StageId;
  activities: Activity[];
  askedIds: string[];
}

function prepareOne(input: OneInput): PreparedReminder {
  const { client, covered, stage, settings, today, signer } = input;
  const lang = client?.language ?? input.language ?? settings.language;
  const jurisdiction = client?.jurisdiction ?? settings.jurisdiction;
  const counting = withoutVoided(input.activities);
  const invoices = covered.map((e) => e.invoice);
  const late = latePaymentFor(covered, counting, settings, today, jurisdiction);
  const byRef = new Map(late.invoices.map((r) => [r.ref, r]));
  const lines: ReminderInvoice[] = covered.map(({ invoice, receivable }) => {
    const result = byRef.get(invoice.id);
    return {
      number: invoice.number,
      ...(invoice.issueDate ? { issueDate: invoice.issueDate } : {}),
      dueDate: invoice.dueDate,
      amountDueCents: receivable.outstandingCents,
      currency: invoice.currency,
      daysLate: daysBetween(invoice.dueDate, today),
      interestCents: result?.interestCents ?? 0,
      indemnityCents: result?.indemnityCents ?? 0,
      periods: (result?.segments ?? []).map((s) => ({
        from: s.from,
        to: s.to,
        days: s.days,
        ratePercent: s.ratePercent,
        interestCents: s.interestCents,
      })),
    };
  });
  const lastRate = late.invoices.flatMap((r) => r.segments).at(-1)?.ratePercent;
  const reminded = covered.some((e) => e.state.lastReminder !== null);
  const deadline = addDays(today, DEFAULT_DEADLINE_DAYS);
  const clientName = client?.name ?? input.clientName;
  const context: ReminderContext = {
    client: { name: clientName, ...(client?.address ? { address: client.address } : {}) },
    invoices: lines,
    senderName: signer.name || settings.senderName,
    sender: {
      ...(signer.role ? { role: signer.role } : {}),
      ...(signer.phone ? { phone: signer.phone } : {}),
      ...(signer.email ? { email: signer.email } : {}),
    },
    companyName: settings.companyName,
    companyAddress: settings.companyAddress,
    company: {
      legalName: settings.companyLegalName,
      city: settings.companyCity,
      registration: settings.companyRegistration,
      vatNumber: settings.vatNumber,
      legalMentions: settings.companyLegalMentions,
    },
    payment: { iban: settings.iban, bic: settings.bic, paymentLink: settings.paymentLink },
    reminded,
    rateUnknownAfter: late.rateUnknownAfter,
    today,
    deadline,
    penaltyRatePercent: lastRate ?? legalRateHint(late),
    jurisdiction,
  };
  const template = templateFor(stage, lang, settings.templates);
  const mail = renderTemplate(template, { ...context, medium: 'mail' }, lang);
  const letterText = renderTemplate(template, { ...context, medium: 'letter' }, lang);
  const totals = late.totals[0];
  const step = settings.schedule.find((s) => s.stage === stage);
  const recent = latestReminder(counting.filter((a) => isTeammates(a, signer)));
  const consumer = jurisdiction === 'B2C';

  return {
    clientId: client?.id ?? invoices[0]!.clientId ?? '',
    clientName,
    stage,
    kind: stageKind(stage),
    ...withInvoiceStages(stage, covered),
    invoices: covered.map((e) => ({
      invoiceId: e.invoice.id,
      number: e.invoice.number,
      stage: e.state.currentStage,
      dueDate: e.invoice.dueDate,
      daysOverdue: e.state.daysOverdue,
      outstandingCents: e.receivable.outstandingCents,
    })),
    paused: pausedOf(
      covered.filter((e) => input.askedIds.includes(e.invoice.id)),
      counting,
    ),
    reminded,
    ...(client?.address ? { clientAddress: client.address } : {}),
    ...(late.rateUnknownAfter ? { rateUnknownAfter: late.rateUnknownAfter } : {}),
    deadline,
    invoiceIds: invoices.map((i) => i.id),
    language: lang,
    subject: mail.subject,
    body: mail.body,
    letter: letterOf(context, letterText, stage, lang, lines),
    ...(stage === 'legal'
      ? collectionsFileOf(
          context,
          collectionsFacts(covered, counting, lang, invoices[0]!.currency, today),
          lang,
        )
      : {}),
    recipients: client?.emails ?? [],
    channels: step ? [...step.channel] : ['email'],
    totalDueCents: lines.reduce((sum, l) => sum + l.amountDueCents, 0),
    currency: invoices[0]!.currency,
    ...(totals && totals.interestCents + totals.indemnityCents > 0
      ? {
          latePayment: {
            interestCents: totals.interestCents,
            indemnityCents: totals.indemnityCents,
            currency: totals.currency,
            consumer,
          },
        }
      : {}),
    ...(recent && daysBetween(recent.date, today) < settings.quietPeriodDays
      ? { recentReminder: recent }
      : {}),
  };
}

/** Interest per invoice on what is left to pay, with the team's rate updates; consumers from the formal notice. */
function latePaymentFor(
  covered: EvaluatedInvoice[],
  activities: readonly Activity[],
  settings: TeamSettings,
  today: string,
  jurisdiction: TeamSettings['jurisdiction'],
): LatePaymentSummary {
  return latePaymentForInvoices({
    invoices: covered.map(({ invoice, receivable }) => {
      const notice = formalNoticeDate(activities, invoice.id);
      return {
        ...latePaymentItemFromInvoice(invoice),
        amountCents: receivable.outstandingCents,
        ...(notice ? { formalNoticeDate: notice } : {}),
      };
    }),
    asOf: today,
    jurisdiction,
    table: applyRateUpdates(DEFAULT_RATE_TABLE, settings.rateUpdates),
  });
}

/** With no interest computed yet (a consumer before the notice), the legal rate the notice will start. */
function legalRateHint(late: LatePaymentSummary): number {
  return late.invoices.flatMap((r) => r.segments).at(-1)?.ratePercent ?? 0;
}

function formalNoticeDate(activities: readonly Activity[], invoiceId: string): string | undefined {
  return activities
    .filter((a) => a.invoiceIds.includes(invoiceId) && stageShownBy(a, invoiceId) === 'formal-notice')
    .sort(compareActivities)
    .at(-1)?.date;
}

function withInvoiceStages(stage: StageId, covered: EvaluatedInvoice[]) {
  const stages = invoiceStagesOf({
    stage,
    invoices: covered.map((e) => ({ invoice: e.invoice, state: e.state })),
  });
  return stages ? { invoiceStages: stages } : {};
}

function pausedOf(asked: EvaluatedInvoice[], activities: readonly Activity[]): PausedInvoice[] {
  return asked.flatMap(({ invoice, state }) => {
    if (!state.pause) return [];
    const cause = activities
      .filter((a) => a.invoiceIds.includes(invoice.id) && a.date <= state.pause!.since)
      .filter((a) => a.type === 'dispute-opened' || a.type === 'promise-to-pay' || a.type === 'payment-plan')
      .sort(compareActivities)
      .at(-1);
    const detail = cause?.type === 'dispute-opened' ? cause.reason : cause?.comment;
    return [
      {
        invoiceId: invoice.id,
        number: invoice.number,
        reason: state.pause.reason,
        since: state.pause.since,
        ...(state.pause.until ? { until: state.pause.until } : {}),
        ...(detail ? { detail } : {}),
      },
    ];
  });
}

/** Someone else's activity: on an install working alone (no person id) there is no teammate. */
function isTeammates(activity: Activity, signer: Signer): boolean {
  if (!signer.personId) return false;
  return activity.authorId !== undefined && activity.authorId !== signer.personId;
}

const LETTER_WORDS = {
  fr: {
    registered: 'Lettre recommandée avec accusé de réception',
    on: '{city}, le {date}',
    transfer: 'Règlement par virement',
    qr: 'Scannez ce code avec votre application bancaire : le virement est prérempli (montant et référence).',
    iban: 'IBAN : {iban}',
    bic: 'BIC : {bic}',
    reference: 'Référence : {reference}',
    amount: 'Montant : {amount}',
    link: 'Paiement en ligne : {link}',
    registration: 'SIREN/SIRET {value}',
    vat: 'TVA {value}',
    subject: 'Objet : {subject}',
    phone: 'Tél. {phone}',
  },
  en: {
    registered: 'Recorded delivery',
    on: '{date}',
    transfer: 'Payment by bank transfer',
    qr: 'Scan this code with your banking app: the transfer is filled in (amount and reference).',
    iban: 'IBAN: {iban}',
    bic: 'BIC: {bic}',
    reference: 'Reference: {reference}',
    amount: 'Amount: {amount}',
    link: 'Pay online: {link}',
    registration: 'Company no. {value}',
    vat: 'VAT {value}',
    subject: 'Subject: {subject}',
    phone: 'Tel. {phone}',
  },
} as const;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const splitLines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The town a letter is dated from: the settings', else the last address line without its postcode. */
export function cityOf(settings: Pick<TeamSettings, 'companyCity' | 'companyAddress'>): string {
  if (settings.companyCity.trim()) return settings.companyCity.trim();
  const last = splitLines(settings.companyAddress).at(-1) ?? '';
  return last
    .replace(/^(F-|FR-)?\d{4,5}\s+/, '')
    .replace(/\s+cedex.*$/i, '')
    .trim();
}

function letterOf(
  context: ReminderContext,
  text: { subject: string; body: string },
  stage: StageId,
  lang: Language,
  lines: ReminderInvoice[],
): LetterData {
  const w = LETTER_WORDS[lang];
  const company = context.company ?? {};
  const city = cityOf({ companyCity: company.city ?? '', companyAddress: context.companyAddress ?? '' });
  const date = formatDateLong(context.today, lang);
  const totals = {
    currency: lines[0]!.currency,
    amountDueCents: lines.reduce((s, l) => s + l.amountDueCents, 0),
    interestCents: lines.reduce((s, l) => s + (l.interestCents ?? 0), 0),
    indemnityCents: lines.reduce((s, l) => s + (l.indemnityCents ?? 0), 0),
    totalWithPenaltiesCents: 0,
  };
  totals.totalWithPenaltiesCents = totals.amountDueCents + totals.interestCents + totals.indemnityCents;
  const consumer = context.jurisdiction === 'B2C';
  const withPenalties =
    stage === 'reminder-2' || stage === 'payment-plan' || stage === 'formal-notice' || stage === 'legal';
  const claimed = withPenalties ? totals.totalWithPenaltiesCents : totals.amountDueCents;
  const payment = context.payment ?? {};
  const reference = paymentReference(context.invoices, lang);
  const qr = payment.iban
    ? paymentQrModules({
        name: company.legalName || context.companyName,
        iban: payment.iban,
        bic: payment.bic ?? '',
        amountCents: claimed,
        currency: totals.currency,
        reference,
      })
    : null;
  const money = (cents: number) =>
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      style: 'currency',
      currency: totals.currency,
    }).format(cents / 100);
  const paymentLines = [
    ...(payment.iban
      ? [
          w.transfer,
          fill(w.iban, { iban: payment.iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ') }),
          ...(payment.bic ? [fill(w.bic, { bic: payment.bic.toUpperCase() })] : []),
          fill(w.amount, { amount: money(claimed) }),
          fill(w.reference, { reference }),
        ]
      : []),
    ...(payment.paymentLink ? [fill(w.link, { link: payment.paymentLink })] : []),
  ];
  return {
    lang,
    layout: lang === 'en' ? 'en' : 'fr',
    placeAndDate: city && lang === 'fr' ? fill(w.on, { city, date }) : date,
    sender: [
      company.legalName || context.companyName,
      ...splitLines(context.companyAddress),
      ...(context.sender?.phone ? [fill(w.phone, { phone: context.sender.phone })] : []),
      ...(context.sender?.email ? [context.sender.email] : []),
    ].filter(Boolean),
    recipient: { name: context.client.name, address: splitLines(context.client.address) },
    ...(stage === 'formal-notice' ? { mention: w.registered } : {}),
    subject: fill(w.subject, { subject: text.subject }),
    body: text.body,
    table: {
      columns: invoiceColumns(lines, totals, lang, false),
      withPenalties: invoiceColumns(lines, totals, lang, true, { consumer }),
      count: lines.length,
    },
    ...(paymentLines.length > 0
      ? { payment: { lines: paymentLines, ...(qr ? { qr } : {}), qrCaption: w.qr } }
      : {}),
    footer: [
      [company.legalName || context.companyName, company.legalMentions].filter(Boolean).join(' – '),
      splitLines(context.companyAddress).join(', '),
      [
        company.registration ? fill(w.registration, { value: company.registration }) : '',
        company.vatNumber ? fill(w.vat, { value: company.vatNumber }) : '',
      ]
        .filter(Boolean)
        .join(' – '),
    ].filter(Boolean),
  };
}

function collectionsFileOf(context: ReminderContext, facts: CollectionsFileFacts, lang: Language) {
  const collectionsFile = buildCollectionsFile(context, facts, lang);
  return { collectionsFile, collectionsFileText: collectionsFileText(collectionsFile) };
}

/** What the collections file says was done: the latest formal notice, pauses, the timeline in words. */
function collectionsFacts(
  covered: EvaluatedInvoice[],
  activities: readonly Activity[],
  lang: Language,
  currency: string,
  today: string,
) {
  const ids = covered.map((e) => e.invoice.id);
  const concerning = activities
    .filter((a) => a.invoiceIds.some((id) => ids.includes(id)) || a.invoiceIds.length === 0)
    .sort(compareActivities);
  const notice = concerning.filter((a) => ids.some((id) => stageShownBy(a, id) === 'formal-notice')).at(-1);
  return {
    ...(notice
      ? {
          formalNotice: {
            date: notice.date,
            ...(notice.type === 'formal-notice' && notice.deadline ? { deadline: notice.deadline } : {}),
            ...((notice.type === 'formal-notice' || notice.type === 'letter') && notice.trackingNumber
              ? { trackingNumber: notice.trackingNumber }
              : {}),
          },
        }
      : {}),
    openDispute: covered.some((e) => e.state.pause?.reason === 'dispute'),
    pendingPromise: covered.some(
      (e) => e.state.pause?.reason === 'promise-to-pay' && (e.state.pause.until ?? '') >= today,
    ),
    timeline: concerning.map((a) => {
      const words = describeActivity(a, lang, currency);
      return {
        date: a.date,
        text: [words.title, ...words.details, a.authorName].filter(Boolean).join(' · '),
      };
    }),
  };
}

/** The client's latest reminder, letter or formal notice among these activities (voided ones aside). */
export function latestReminder(activities: readonly Activity[]): LastReminder | undefined {
  const last = withoutVoided(activities).filter(isReminderLike).sort(compareActivities).at(-1);
  return last ? lastReminderOf(last) : undefined;
}

/** When nothing is due (the person asks anyway), the stage the invoices are at, or the first step. */
function stageReached(evaluated: EvaluatedInvoice[]): StageId {
  const firmest = firmestStage(evaluated.map((e) => e.state.currentStage));
  if (firmest) return firmest;
  return evaluated.some((e) => e.state.daysOverdue > 0) ? 'reminder-1' : 'courtesy';
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}
