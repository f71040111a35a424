/** Calendar dates as ISO strings (`YYYY-MM-DD`): the date of a fact, never a clock reading. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

function utcDay(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/**
 * Whether a person born in `birthYear` may be under 18 on `on`. With only a birth year the exact age
 * is unknown (17 or 18 in the year they turn 18), so the person counts as a child until the year
 * after: the presumption of minority (UN trafficking guidelines; EU Directive 2011/36, art. 13(2)).
 */
export function isChild(birthYear: number, on: IsoDate): boolean {
  const year = Number(on.slice(0, 4));
  return year - birthYear <= 18;
}
