import { formatDate, formatDateLong } from '../format/date';
import { memoize } from '../format/locale';
import { formatMoney, formatPercent } from '../format/money';
import type { Template } from '../schemas/settings';
import type { Language } from '../vocabulary/languages';
import {
  companyDetails,
  greeting,
  interestDetails,
  paymentDetails,
  rateNotice,
  ratesApplied,
  signature,
} from './blocks';
import {
  computeReminderTotals,
  LETTER_TABLE_MARK,
  type ReminderContext,
  type ReminderTotals,
  reminderDeadline,
} from './context';
import { renderInvoiceTable } from './invoiceTable';
import { INDEMNITY_BASIS, PENALTY_LAW } from './penaltyLaw';
import { PLACEHOLDERS, type Placeholder, SECTIONS, type Section } from './placeholders';
import { parseTemplate, type SyntaxProblem, type SyntaxProblemKind, type TemplateNode } from './syntax';

export type TemplateField = 'subject' | 'body';

export interface TemplateProblem {
  field: TemplateField;
  kind: SyntaxProblemKind;
  tag: string;
  /** Ready to show in the template editor, in the language asked for. */
  message: string;
}

/** A template that cannot be rendered; `problems` lists every fault found. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  }
}

type ParsedTemplate = Record<TemplateField, ReturnType<typeof parseTemplate>>;

const FIELDS = ['subject', 'body'] as const satisfies readonly TemplateField[];

function parseFields(template: Template): ParsedTemplate {
  return { subject: parseTemplate(template.subject), body: parseTemplate(template.body) };
}

function problemsOf(parsed: ParsedTemplate, lang: Language): TemplateProblem[] {
  return FIELDS.flatMap((field) =>
    parsed[field].problems.map((problem) => ({
      field,
      kind: problem.kind,
      tag: problem.tag,
      message: describeProblem(problem, lang),
    })),
  );
}

/** Checks a template (e.g. while it is edited in the options page); empty when it is fine. */
export function validateTemplate(template: Template, lang: Language = 'fr'): TemplateProblem[] {
  return problemsOf(parseFields(template), lang);
}

/**
 * Fills a reminder template for one client. Money and dates are written the way of `lang`.
 * The subject comes out on one line.
 *
 * @throws TemplateError (unknown placeholder, unclosed section...), with messages in `lang`.
 * @throws RangeError when the context has no invoice or mixes currencies.
 */
export function renderTemplate(template: Template, context: ReminderContext, lang: Language): Template {
  const parsed = parseFields(template);
  const problems = problemsOf(parsed, lang);
  if (problems.length > 0) throw new TemplateError(problems);
  // Totals once, for the placeholders and the sections alike.
  const withTotals = { ...context, totals: context.totals ?? computeReminderTotals(context.invoices) };
  const values = placeholderValues(withTotals, lang);
  const sections = sectionConditions(withTotals);
  const fill = (field: TemplateField) => renderNodes(parsed[field].nodes, values, sections);
  return {
    subject: fill('subject')
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
    // Parts left empty (no payment details set, no legal mentions) leave no gap of blank lines.
    body: fill('body')
      .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n')
      .trimEnd(),
  };
}

// en-GB: "F-1, F-2 and F-3", without the American serial comma.
const listFormatter = memoize(
  (lang) => new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'long', type: 'conjunction' }),
);

/** What each placeholder becomes for this context. */
export function placeholderValues(context: ReminderContext, lang: Language): Record<Placeholder, string> {
  const { invoices } = context;
  const totals = context.totals ?? computeReminderTotals(invoices);
  const oldest = invoices.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
  const jurisdiction = context.jurisdiction ?? 'FR';
  const consumer = jurisdiction === 'B2C';
  const letter = context.medium === 'letter';
  const money = (cents: number) => formatMoney(cents, totals.currency, lang);
  const rates = ratesApplied(context);
  return {
    client: context.client.name,
    // A printed letter lays the table out itself (letter.ts), where these marks stand.
    invoices: letter ? LETTER_TABLE_MARK : renderInvoiceTable(invoices, totals, lang, false),
    invoices_with_penalties: letter
      ? `${LETTER_TABLE_MARK}:penalties`
      : renderInvoiceTable(invoices, totals, lang, true, { consumer }),
    invoice_number: listFormatter(lang).format(invoices.map((i) => i.number)),
    invoice_count: String(invoices.length),
    total_due: money(totals.amountDueCents),
    due_date: formatDate(oldest.dueDate, lang),
    days_late: String(Math.max(...invoices.map((i) => i.daysLate))),
    interest: money(totals.interestCents),
    indemnity: money(totals.indemnityCents),
    indemnity_basis: INDEMNITY_BASIS[jurisdiction][lang],
    total_with_penalties: money(totals.totalWithPenaltiesCents),
    // One rate for everything, or the workings say which applied when (interest_details).
    rate: rateText(rates, lang),
    penalty_law: PENALTY_LAW[jurisdiction][lang],
    deadline: formatDateLong(reminderDeadline(context), lang),
    today: formatDateLong(context.today, lang),
    sender: context.senderName,
    company: context.companyName,
    company_address: context.companyAddress ?? '',
    greeting: greeting(context, lang),
    signature: signature(context, lang),
    // A letter carries these in its letterhead, footer and payment box (letter.ts).
    company_details: letter ? '' : companyDetails(context, lang),
    payment_details: letter ? '' : paymentDetails(context, lang),
    interest_details: interestDetails(context, lang),
    rate_notice: rateNotice(context, lang),
    client_address: context.client.address ?? '',
  };
}

/** `12,15 %`, or `12,15 % à 13,15 % selon la période (voir le détail du calcul)` when the rate changed. */
function rateText(rates: readonly number[], lang: Language): string {
  const sorted = [...rates].sort((a, b) => a - b);
  const low = formatPercent(sorted[0]!, lang);
  if (sorted.length === 1) return low;
  const high = formatPercent(sorted.at(-1)!, lang);
  return lang === 'fr'
    ? `${low} à ${high} selon la période (voir le détail du calcul)`
    : `${low} to ${high} depending on the period (see the workings)`;
}

function sectionConditions(context: ReminderContext & { totals: ReminderTotals }): Record<Section, boolean> {
  const count = context.invoices.length;
  const consumer = context.jurisdiction === 'B2C';
  const overdue = context.invoices.some((i) => i.daysLate > 0);
  return {
    singular: count === 1,
    plural: count > 1,
    indemnity: context.totals.indemnityCents > 0,
    reminded: context.reminded === true,
    first_reminder: context.reminded !== true,
    not_yet_due: !overdue,
    overdue,
    consumer,
    business: !consumer,
    assumed_rate: !!context.rateUnknownAfter,
    interest_due: context.totals.interestCents > 0,
  };
}

function renderNodes(
  nodes: TemplateNode[],
  values: Record<Placeholder, string>,
  sections: Record<Section, boolean>,
): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text;
      if (node.kind === 'placeholder') return values[node.name];
      return sections[node.name] ? renderNodes(node.children, values, sections) : '';
    })
    .join('');
}

const KNOWN_PLACEHOLDERS = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
const KNOWN_SECTIONS = SECTIONS.map((s) => `{{#${s}}}…{{/${s}}}`).join(', ');

function describeProblem(problem: SyntaxProblem, lang: Language): string {
  const { tag, name = '' } = problem;
  const fr = lang === 'fr';
  switch (problem.kind) {
    case 'unknown-placeholder': {
      const guess = closest(name, PLACEHOLDERS);
      const hint = guess ? (fr ? ` Vouliez-vous dire {{${guess}}} ?` : ` Did you mean {{${guess}}}?`) : '';
      return fr
        ? `Champ inconnu ${tag}.${hint} Champs disponibles : ${KNOWN_PLACEHOLDERS}.`
        : `Unknown placeholder ${tag}.${hint} Known placeholders: ${KNOWN_PLACEHOLDERS}.`;
    }
    case 'unknown-section':
      return fr
        ? `Section inconnue ${tag}. Sections disponibles : ${KNOWN_SECTIONS}.`
        : `Unknown section ${tag}. Known sections: ${KNOWN_SECTIONS}.`;
    case 'unclosed-section':
      return fr
        ? `La section ${tag} n'est pas fermée par {{/${name}}}.`
        : `Section ${tag} is not closed with {{/${name}}}.`;
    case 'unexpected-close':
      return fr
        ? `${tag} ferme une section qui n'est pas ouverte.`
        : `${tag} closes a section that is not open.`;
    case 'malformed-tag':
      return fr
        ? `Balise mal formée ${tag} : écrivez {{nom}}, {{#section}} ou {{/section}}. Champs disponibles : ${KNOWN_PLACEHOLDERS}.`
        : `Malformed tag ${tag}: write {{name}}, {{#section}} or {{/section}}. Known placeholders: ${KNOWN_PLACEHOLDERS}.`;
    case 'unmatched-braces':
      return fr ? `Accolades sans correspondance près de « ${tag} ».` : `Unmatched braces near "${tag}".`;
  }
}

/** The known name nearest to a mistyped one (at most 2 edits away), for a "did you mean". */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(name, word);
    if (distance <= 2 && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}
