/** Small accumulators the indicators share: counts per year, per year and country, distinct ids. */
export const yearOf = (date: string): string => date.slice(0, 4);

export class YearCounts {
  readonly n = new Map<string, number>();
  add(year: string, by = 1): void {
    this.n.set(year, (this.n.get(year) ?? 0) + by);
  }
  values(): Record<string, number> {
    return Object.fromEntries(this.n);
  }
}

export class YearCountryCounts {
  readonly n = new Map<string, Map<string, number>>();
  add(year: string, country: string): void {
    const y = this.n.get(year) ?? new Map<string, number>();
    y.set(country, (y.get(country) ?? 0) + 1);
    this.n.set(year, y);
  }
  values(): Record<string, number> {
    return Object.fromEntries([...this.n].map(([y, m]) => [y, [...m.values()].reduce((a, b) => a + b, 0)]));
  }
  byCountry(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.n].map(([y, m]) => [y, Object.fromEntries(m)]));
  }
}

export class YearDistinct {
  readonly n = new Map<string, Set<string>>();
  add(year: string, id: string): void {
    const s = this.n.get(year) ?? new Set<string>();
    s.add(id);
    this.n.set(year, s);
  }
  values(): Record<string, number> {
    return Object.fromEntries([...this.n].map(([y, s]) => [y, s.size]));
  }
}

/** A string parameter of a figure (configuration error if missing: caught by the figure tests). */
export function param(params: Readonly<Record<string, unknown>>, name: string): string {
  const v = params[name];
  if (typeof v !== 'string') throw new Error(`indicator parameter "${name}" is missing or not a string`);
  return v;
}
export function paramList(params: Readonly<Record<string, unknown>>, name: string): string[] {
  const v = params[name];
  if (!Array.isArray(v)) throw new Error(`indicator parameter "${name}" is missing or not a list`);
  return v as string[];
}

/** The person records behind a figure, per year. */
export class YearPersons {
  readonly n = new Map<string, Set<string>>();
  add(year: string, personId: string): void {
    const s = this.n.get(year) ?? new Set<string>();
    s.add(personId);
    this.n.set(year, s);
  }
  values(): Record<string, string[]> {
    return Object.fromEntries([...this.n].map(([y, s]) => [y, [...s]]));
  }
}

/** Counts per year, per breakdown dimension, per category. */
export class YearBreakdowns {
  readonly n = new Map<string, Map<string, Map<string, number>>>();
  add(year: string, categories: Readonly<Record<string, string | null | undefined>>, by = 1): void {
    const y = this.n.get(year) ?? new Map<string, Map<string, number>>();
    for (const [dimension, category] of Object.entries(categories)) {
      const d = y.get(dimension) ?? new Map<string, number>();
      const c = category ?? 'unknown';
      d.set(c, (d.get(c) ?? 0) + by);
      y.set(dimension, d);
    }
    this.n.set(year, y);
  }
  values(): Record<string, Record<string, Record<string, number>>> {
    return Object.fromEntries(
      [...this.n].map(([y, ds]) => [y, Object.fromEntries([...ds].map(([d, cs]) => [d, Object.fromEntries(cs)]))]),
    );
  }
}
