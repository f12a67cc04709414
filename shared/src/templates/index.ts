export {
  companyDetails,
  greeting,
  interestDetails,
  paymentDetails,
  paymentReference,
  rateNotice,
  signature,
} from './blocks';
export {
  buildCollectionsFile,
  type ChecklistItem,
  type CollectionsFile,
  type CollectionsFileFacts,
  collectionsFileText,
} from './collectionsFile';
export {
  computeReminderTotals,
  DEFAULT_DEADLINE_DAYS,
  type InterestPeriod,
  LETTER_TABLE_MARK,
  type ReminderCompany,
  type ReminderContext,
  type ReminderInvoice,
  type ReminderPayment,
  type ReminderSender,
  type ReminderTotals,
  reminderDeadline,
} from './context';
export { DEFAULT_TEMPLATES, defaultTemplate, templateFor } from './defaults/index';
export { invoiceColumns, renderInvoiceTable, type TableColumn } from './invoiceTable';
export {
  BIC,
  compactIban,
  epcQrPayload,
  formatIban,
  isValidIban,
  type TransferRequest,
  transferProblem,
} from './payment';
export { INDEMNITY_BASIS, PENALTY_LAW } from './penaltyLaw';
export { PLACEHOLDER_HELP, PLACEHOLDERS, type Placeholder, SECTIONS, type Section } from './placeholders';
export {
  FIELD_LABELS,
  fieldTag,
  fromReadable,
  SECTION_LABELS,
  sectionCloseTag,
  sectionOpenTag,
  toReadable,
  unknownBracketed,
} from './readable';
export {
  placeholderValues,
  renderTemplate,
  TemplateError,
  type TemplateField,
  type TemplateProblem,
  validateTemplate,
} from './render';
export { parseTemplate, type SyntaxProblem, type SyntaxProblemKind, type TemplateNode } from './syntax';
