/**
 * Currency marks as printed next to amounts, to ISO 4217 codes. A bare `$` or `¥` is ambiguous:
 * it means the page's default currency when that one is written so, else USD or JPY.
 */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  us$: 'USD',
  $us: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  $ca: 'CAD',
  au$: 'AUD',
  a$: 'AUD',
  nz$: 'NZD',
  hk$: 'HKD',
  s$: 'SGD',
  'fr.': 'CHF',
  '₹': 'INR',
  '₩': 'KRW',
  '₺': 'TRY',
  zł: 'PLN',
  kč: 'CZK',
};
const DOLLARS = new Set(['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN']);
const YENS = new Set(['JPY', 'CNY']);

let isoCodes: Set<string> | undefined;
function isIsoCurrency(code: string): boolean {
  if (!isoCodes) {
    // Older engines without supportedValuesOf: accept any three letters rather than none.
    isoCodes =
      typeof Intl.supportedValuesOf === 'function' ? new Set(Intl.supportedValuesOf('currency')) : new Set();
  }
  return isoCodes.size === 0 ? /^[A-Z]{3}$/.test(code) : isoCodes.has(code);
}

/** The ISO code for a currency mark (`€`, `EUR`, `eur`, `euros`, `US$`...), or undefined. */
export function currencyFromMark(mark: string, defaultCurrency: string): string | undefined {
  const lower = mark.toLowerCase();
  if (lower === '$') return DOLLARS.has(defaultCurrency) ? defaultCurrency : 'USD';
  if (lower === '¥' || lower === '￥') return YENS.has(defaultCurrency) ? defaultCurrency : 'JPY';
  const symbol = SYMBOLS[lower];
  if (symbol) return symbol;
  const code = mark.toUpperCase();
  return /^[A-Z]{3}$/.test(code) && isIsoCurrency(code) ? code : undefined;
}
