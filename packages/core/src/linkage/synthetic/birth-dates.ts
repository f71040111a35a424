import { Corruption } from './corruptions.ts';
import { REFERENCE_YEAR } from './person.ts';
import type { Rng } from './rng.ts';

const pad = (x: number) => String(x).padStart(2, '0');
const valid = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A birth date as one agency records it, with what went wrong. `sloppiness` scales the chance of
 * estimated, partial and missing dates (a border transit centre estimates ages far more often than a
 * consular officer holding a passport).
 */
export function recordedBirthDate(
  rng: Rng,
  birth: { readonly year: number; readonly month: number; readonly day: number },
  sloppiness: number,
): { text: string; corruption: number } {
  const { year, month, day } = birth;
  const full = `${year}-${pad(month)}-${pad(day)}`;
  const x = rng.next() / sloppiness;
  if (x < 0.04) return { text: '', corruption: Corruption.birthMissing };
  if (x < 0.1) return { text: String(year), corruption: Corruption.birthYearOnly };
  if (x < 0.15) {
    const statedAge = REFERENCE_YEAR - year + rng.pick([-1, 0, 0, 0, 1, 1, 2]);
    return { text: String(REFERENCE_YEAR - statedAge), corruption: Corruption.birthFromAge };
  }
  if (x < 0.17) return { text: `${year}-${pad(month)}`, corruption: Corruption.birthYearOnly };
  if (x < 0.2 && day <= 12 && day !== month)
    return { text: `${year}-${pad(day)}-${pad(month)}`, corruption: Corruption.birthDayMonthSwapped };
  if (x < 0.23) {
    const digits = `${year}${pad(month)}${pad(day)}`;
    const k = rng.pick([3, 5, 6, 7]);
    const changed = digits.slice(0, k) + String((Number(digits[k]) + rng.int(1, 9)) % 10) + digits.slice(k + 1);
    const [y, m, d] = [Number(changed.slice(0, 4)), Number(changed.slice(4, 6)), Number(changed.slice(6))];
    if (valid(y, m, d)) return { text: `${y}-${pad(m)}-${pad(d)}`, corruption: Corruption.birthDigitTypo };
  }
  return { text: full, corruption: 0 };
}
