import { formatMoney, type Language } from '@relance/shared';
import { currenciesOf, type MoneyByCurrency } from '../figures/money';

/** `1 234,56 € + 120,00 $`: one amount per currency, main one first; `—` when empty. */
export function formatAmounts(amounts: MoneyByCurrency, lang: Language): string {
  const currencies = currenciesOf(amounts).filter((c) => amounts[c] !== 0);
  if (currencies.length === 0) return '—';
  return currencies.map((c) => formatMoney(amounts[c] ?? 0, c, lang)).join(' + ');
}

export function Amounts({ amounts, lang }: { amounts: MoneyByCurrency; lang: Language }) {
  return <span class="money">{formatAmounts(amounts, lang)}</span>;
}

export function Amount({ cents, currency, lang }: { cents: number; currency: string; lang: Language }) {
  return (
    <span class="money" data-cents={cents} data-currency={currency}>
      {formatMoney(cents, currency, lang)}
    </span>
  );
}
