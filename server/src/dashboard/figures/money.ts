/** Amounts of several currencies never add up: sums are kept per ISO 4217 code. */
export type MoneyByCurrency = Record<string, number>;

export function addMoney(sum: MoneyByCurrency, currency: string, cents: number): void {
  sum[currency] = (sum[currency] ?? 0) + cents;
}

/** The currencies of a sum, largest amount first (the team's main currency leads). */
export function currenciesOf(sum: MoneyByCurrency): string[] {
  return Object.keys(sum).sort((a, b) => (sum[b] ?? 0) - (sum[a] ?? 0) || a.localeCompare(b));
}
