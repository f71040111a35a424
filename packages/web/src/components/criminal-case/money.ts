/** An amount and its currency in the UI language's digits, e.g. "1,500 USD". */
export function formatMoney(m: { amount: number; currency: string }, lang: string): string {
  return `${m.amount.toLocaleString(lang)} ${m.currency}`;
}
