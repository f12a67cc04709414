export { type AmountOptions, type ParsedAmount, parseAmount, tryParseAmount } from './amount';
export { currencyFromMark } from './currency';
export { type DateOptions, parseDate, tryParseDate } from './date';
export { ParseError, type ParseKind } from './errors';
export { normaliseInvoiceNumber, numberToken } from './invoiceNumber';
