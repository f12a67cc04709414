export {
  computeReminderTotals,
  DEFAULT_DEADLINE_DAYS,
  type ReminderContext,
  type ReminderInvoice,
  type ReminderTotals,
  reminderDeadline,
} from './context';
export { DEFAULT_TEMPLATES, defaultTemplate, templateFor } from './defaults/index';
export { renderInvoiceTable } from './invoiceTable';
export { INDEMNITY_BASIS, PENALTY_LAW } from './penaltyLaw';
export { PLACEHOLDER_HELP, PLACEHOLDERS, type Placeholder, SECTIONS, type Section } from './placeholders';
export {
  placeholderValues,
  renderTemplate,
  TemplateError,
  type TemplateField,
  type TemplateProblem,
  validateTemplate,
} from './render';
export { parseTemplate, type SyntaxProblem, type SyntaxProblemKind, type TemplateNode } from './syntax';
