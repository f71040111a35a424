import { InputError } from '../errors.ts';

/**
 * Small-cell suppression for published tables of counts (the public statistics page).
 *
 * A table is rows × columns of counts with row totals, column totals and a grand total; a list is
 * one line of counts with its total. Totals are always computed from the true counts, before any
 * suppression, so a published total is the true total.
 *
 * 1. Primary suppression: every count from 1 to the threshold (default 10) inclusive, totals
 *    included. 0 is published unless `suppressZeros` ("none" is not disclosive here).
 * 2. Secondary suppression, the line rule: in every line (each row and each column, the totals row
 *    and the totals column included; the cells of a line sum to its total) with exactly one
 *    suppressed entry, a second one is suppressed: the smallest other non-zero entry. Repeated until
 *    no line has exactly one.
 * 3. The audit: the line rule alone still lets a determined reader recompute some cells: by
 *    combining equations (a "bridge" between two groups of suppressed cells is the sum of one
 *    group's rows minus its columns), or by bounds: when zeros are published every suppressed count
 *    is at least 1, so a row hiding two cells that sum to 2 hides two 1s. `recoverable` runs that
 *    attack (exact linear algebra over the line equations, then interval propagation with the
 *    lower bound, iterated) and, while it recovers anything, the smallest non-zero entry whose
 *    suppression protects the first recovered cell is suppressed too; then the line rule again.
 *
 * Every step only adds suppressions, so it terminates; ties are broken by position, so the same
 * table always gives the same pattern. Exact recomputation is what is prevented; a suppressed cell
 * may still be bounded (it is at least 1 when zeros are published, and at most its line's total).
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 10;

export interface SuppressionOptions {
  /** Counts from 1 to this value inclusive are suppressed (config `statistics.suppressionThreshold`). */
  readonly threshold?: number;
  /** Suppress zeros as well (default false: a published 0 is not disclosive here). */
  readonly suppressZeros?: boolean;
}

export type SuppressionRule = 'primary' | 'secondary';

/** The internal view of a cell: its true value and, when hidden, the rule that hid it. */
export interface InternalCell {
  readonly value: number;
  readonly suppressed: SuppressionRule | null;
}

/** The public view of a cell: the value, or only the fact that it is hidden. */
export type PublishedCell = { readonly value: number } | { readonly suppressed: true };

export interface CountTableInput {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** counts[row][column]: non-negative whole numbers. */
  readonly counts: readonly (readonly number[])[];
}

export interface CountListInput {
  readonly labels: readonly string[];
  readonly counts: readonly number[];
}

export interface TableOf<C> {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** cells[row][column] */
  readonly cells: readonly (readonly C[])[];
  readonly rowTotals: readonly C[];
  readonly columnTotals: readonly C[];
  readonly grandTotal: C;
  /** The rule the table was published under: a reader knows it anyway, so the audit assumes it. */
  readonly threshold: number;
  readonly zerosSuppressed: boolean;
}

export interface ListOf<C> {
  readonly labels: readonly string[];
  readonly cells: readonly C[];
  readonly total: C;
  readonly threshold: number;
  readonly zerosSuppressed: boolean;
}

export type SuppressedTable = TableOf<InternalCell>;
export type PublishedTable = TableOf<PublishedCell>;
export type SuppressedList = ListOf<InternalCell>;
export type PublishedList = ListOf<PublishedCell>;

/** Where a cell sits in a table. */
export type TableCellRef =
  | { readonly kind: 'cell'; readonly row: number; readonly column: number }
  | { readonly kind: 'rowTotal'; readonly row: number }
  | { readonly kind: 'columnTotal'; readonly column: number }
  | { readonly kind: 'grandTotal' };

export type ListCellRef = { readonly kind: 'cell'; readonly index: number } | { readonly kind: 'total' };

export interface Recovered<R> {
  readonly cell: R;
  /** The value the attack computed (always the true value: the attack only deduces facts). */
  readonly value: number;
}

export interface RecoverOptions {
  /**
   * 'lines': solve any line with exactly one unknown, repeat (what a reader does with a pencil).
   * 'full' (default): also exact linear algebra over all the line equations and bounds (suppressed
   * counts are at least 1 when zeros are published), iterated.
   */
  readonly method?: 'lines' | 'full';
}

/** Primary and secondary suppression of a table (the internal view; `publishTable` for the public one). */
export function suppress(input: CountTableInput, options: SuppressionOptions = {}): SuppressedTable {
  const problem = tableProblem(input);
  const settings = resolveOptions(options);
  const rules = protect(problem, settings, true);
  return tableFromRules(input, problem, rules, settings);
}

/**
 * Primary suppression only. Not safe to publish: hidden cells can be recomputed from the totals.
 * For audits and tests that show why secondary suppression is needed.
 */
export function suppressPrimaryOnly(input: CountTableInput, options: SuppressionOptions = {}): SuppressedTable {
  const problem = tableProblem(input);
  const settings = resolveOptions(options);
  const rules = protect(problem, settings, false);
  return tableFromRules(input, problem, rules, settings);
}

/** Primary and secondary suppression of a list of counts with its total. */
export function suppressList(input: CountListInput, options: SuppressionOptions = {}): SuppressedList {
  const problem = listProblem(input);
  const settings = resolveOptions(options);
  const rules = protect(problem, settings, true);
  const cell = (id: number): InternalCell => ({ value: problem.values[id]!, suppressed: rules[id] ?? null });
  return {
    labels: [...input.labels],
    cells: input.counts.map((_, i) => cell(i)),
    total: cell(input.counts.length),
    threshold: settings.threshold,
    zerosSuppressed: settings.suppressZeros,
  };
}

/** The public view: suppressed cells keep no value. */
export function publishTable(table: SuppressedTable): PublishedTable {
  return {
    rows: [...table.rows],
    columns: [...table.columns],
    cells: table.cells.map((row) => row.map(publishCell)),
    rowTotals: table.rowTotals.map(publishCell),
    columnTotals: table.columnTotals.map(publishCell),
    grandTotal: publishCell(table.grandTotal),
    threshold: table.threshold,
    zerosSuppressed: table.zerosSuppressed,
  };
}

export function publishList(list: SuppressedList): PublishedList {
  return {
    labels: [...list.labels],
    cells: list.cells.map(publishCell),
    total: publishCell(list.total),
    threshold: list.threshold,
    zerosSuppressed: list.zerosSuppressed,
  };
}

export function isSuppressed(cell: PublishedCell): cell is { readonly suppressed: true } {
  return 'suppressed' in cell && cell.suppressed === true;
}

/** The hidden cells of a published table that the attack recomputes (none, after `suppress`). */
export function recoverable(table: PublishedTable, options: RecoverOptions = {}): Recovered<TableCellRef>[] {
  const r = table.rows.length;
  const c = table.columns.length;
  const problem = tableShape(r, c);
  const published: (number | null)[] = [
    ...table.cells.flatMap((row) => row.map(publishedValue)),
    ...table.rowTotals.map(publishedValue),
    ...table.columnTotals.map(publishedValue),
    publishedValue(table.grandTotal),
  ];
  if (published.length !== problem.size) throw new InputError('table', 'cells do not match rows and columns');
  const found = attack(problem.lines, published, attackLowerBound(table.zerosSuppressed), options.method ?? 'full');
  return [...found].sort((a, b) => a[0] - b[0]).map(([id, value]) => ({ cell: tableRef(id, r, c), value }));
}

export function recoverableList(list: PublishedList, options: RecoverOptions = {}): Recovered<ListCellRef>[] {
  const n = list.cells.length;
  const problem = listShape(n);
  const published = [...list.cells.map(publishedValue), publishedValue(list.total)];
  const found = attack(problem.lines, published, attackLowerBound(list.zerosSuppressed), options.method ?? 'full');
  return [...found]
    .sort((a, b) => a[0] - b[0])
    .map(([id, value]) => ({ cell: id === n ? { kind: 'total' } : { kind: 'cell', index: id }, value }));
}

// ---------------------------------------------------------------------------------------------
// The engine: entries are numbered 0..size-1; a line says sum(values[members]) = values[total].

interface Line {
  readonly members: readonly number[];
  readonly total: number;
}

interface Shape {
  readonly size: number;
  readonly lines: readonly Line[];
  /** Totals are entries too; on a tie the engine prefers to hide an inner cell. */
  readonly isTotal: readonly boolean[];
}

interface Problem extends Shape {
  readonly values: readonly number[];
}

interface Settings {
  readonly threshold: number;
  readonly suppressZeros: boolean;
}

function resolveOptions(options: SuppressionOptions): Settings {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new InputError('threshold', 'must be a whole number of at least 1');
  }
  return { threshold, suppressZeros: options.suppressZeros ?? false };
}

function checkCount(value: number, path: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InputError(path, 'must be a non-negative whole number');
  return value;
}

/** Cells first (row by row), then row totals, column totals and the grand total. */
function tableShape(r: number, c: number): Shape {
  const cell = (i: number, j: number) => i * c + j;
  const rowTotal = (i: number) => r * c + i;
  const columnTotal = (j: number) => r * c + r + j;
  const grand = r * c + r + c;
  const lines: Line[] = [];
  for (let i = 0; i < r; i++) lines.push({ members: range(c).map((j) => cell(i, j)), total: rowTotal(i) });
  lines.push({ members: range(c).map(columnTotal), total: grand });
  for (let j = 0; j < c; j++) lines.push({ members: range(r).map((i) => cell(i, j)), total: columnTotal(j) });
  lines.push({ members: range(r).map(rowTotal), total: grand });
  const isTotal = range(grand + 1).map((id) => id >= r * c);
  return { size: grand + 1, lines, isTotal };
}

function listShape(n: number): Shape {
  return { size: n + 1, lines: [{ members: range(n), total: n }], isTotal: range(n + 1).map((id) => id === n) };
}

function tableProblem(input: CountTableInput): Problem {
  const r = input.rows.length;
  const c = input.columns.length;
  if (input.counts.length !== r) throw new InputError('counts', `expected ${r} rows, got ${input.counts.length}`);
  const cells = input.counts.map((row, i) => {
    if (row.length !== c) throw new InputError(`counts[${i}]`, `expected ${c} columns, got ${row.length}`);
    return row.map((v, j) => checkCount(v, `counts[${i}][${j}]`));
  });
  const rowTotals = cells.map((row) => sum(row));
  const columnTotals = range(c).map((j) => sum(cells.map((row) => row[j]!)));
  const shape = tableShape(r, c);
  return { ...shape, values: [...cells.flat(), ...rowTotals, ...columnTotals, sum(rowTotals)] };
}

function listProblem(input: CountListInput): Problem {
  if (input.labels.length !== input.counts.length) {
    throw new InputError('counts', `expected ${input.labels.length} counts, got ${input.counts.length}`);
  }
  const counts = input.counts.map((v, i) => checkCount(v, `counts[${i}]`));
  return { ...listShape(counts.length), values: [...counts, sum(counts)] };
}

function tableFromRules(
  input: CountTableInput,
  problem: Problem,
  rules: readonly (SuppressionRule | null)[],
  settings: Settings,
): SuppressedTable {
  const r = input.rows.length;
  const c = input.columns.length;
  const cell = (id: number): InternalCell => ({ value: problem.values[id]!, suppressed: rules[id] ?? null });
  return {
    rows: [...input.rows],
    columns: [...input.columns],
    cells: range(r).map((i) => range(c).map((j) => cell(i * c + j))),
    rowTotals: range(r).map((i) => cell(r * c + i)),
    columnTotals: range(c).map((j) => cell(r * c + r + j)),
    grandTotal: cell(r * c + r + c),
    threshold: settings.threshold,
    zerosSuppressed: settings.suppressZeros,
  };
}

function tableRef(id: number, r: number, c: number): TableCellRef {
  if (id < r * c) return { kind: 'cell', row: Math.floor(id / c), column: id % c };
  if (id < r * c + r) return { kind: 'rowTotal', row: id - r * c };
  if (id < r * c + r + c) return { kind: 'columnTotal', column: id - r * c - r };
  return { kind: 'grandTotal' };
}

function publishCell(cell: InternalCell): PublishedCell {
  return cell.suppressed ? { suppressed: true } : { value: cell.value };
}

function publishedValue(cell: PublishedCell): number | null {
  return isSuppressed(cell) ? null : cell.value;
}

/**
 * What a reader may assume of any hidden count: at least 1 when zeros are always published (and the
 * engine never hides a 0 then), at least 0 otherwise.
 */
function attackLowerBound(zerosSuppressed: boolean): number {
  return zerosSuppressed ? 0 : 1;
}

function protect(problem: Problem, settings: Settings, secondary: boolean): (SuppressionRule | null)[] {
  const { values, lines, size } = problem;
  const rules: (SuppressionRule | null)[] = values.map((v) =>
    (v >= 1 && v <= settings.threshold) || (v === 0 && settings.suppressZeros) ? 'primary' : null,
  );
  if (!secondary) return rules;

  const linesOf: number[][] = range(size).map(() => []);
  lines.forEach((line, l) => [...line.members, line.total].forEach((id) => linesOf[id]!.push(l)));
  const entries = (line: Line) => [...line.members, line.total];
  const hiddenIn = (l: number) => entries(lines[l]!).filter((id) => rules[id] !== null).length;
  // Hiding a 0 when zeros are published would break the reader's (and the audit's) "at least 1".
  const eligible = (id: number) => rules[id] === null && (values[id]! > 0 || settings.suppressZeros);
  const lowerBound = attackLowerBound(settings.suppressZeros);

  /** Smallest value first; then an entry that also completes a crossing line; inner cells before totals; position. */
  const byPreference = (candidates: number[], line?: number) =>
    candidates.sort(
      (a, b) =>
        values[a]! - values[b]! ||
        Number(completesCrossing(b, line)) - Number(completesCrossing(a, line)) ||
        Number(problem.isTotal[a]) - Number(problem.isTotal[b]) ||
        a - b,
    );
  const completesCrossing = (id: number, line?: number) => linesOf[id]!.some((l) => l !== line && hiddenIn(l) === 1);

  const lineRule = () => {
    for (let changed = true; changed;) {
      changed = false;
      lines.forEach((line, l) => {
        if (hiddenIn(l) !== 1) return;
        const [pick] = byPreference(entries(line).filter(eligible), l);
        if (pick === undefined) return; // unreachable: a lone hidden count leaves a non-zero entry beside it
        rules[pick] = 'secondary';
        changed = true;
      });
    }
  };

  for (;;) {
    lineRule();
    const published = () => values.map((v, id) => (rules[id] === null ? v : null));
    const found = attack(lines, published(), lowerBound, 'full');
    if (found.size === 0) return rules;
    const target = Math.min(...found.keys());
    const candidates = byPreference(range(size).filter(eligible));
    if (candidates.length === 0) return rules; // unreachable: with everything hidden nothing is determined
    const protects = candidates.find((id) => {
      rules[id] = 'secondary';
      const stillFound = attack(lines, published(), lowerBound, 'full').has(target);
      rules[id] = null;
      return !stillFound;
    });
    rules[protects ?? candidates[0]!] = 'secondary';
  }
}

// ---------------------------------------------------------------------------------------------
// The attack: what a reader can recompute from the published entries.

/** The hidden entries the reader determines exactly, with their values. */
function attack(
  lines: readonly Line[],
  published: readonly (number | null)[],
  lowerBound: number,
  method: 'lines' | 'full',
): Map<number, number> {
  const known = [...published];
  const recovered = new Map<number, number>();
  const learn = (found: Map<number, number>) => {
    for (const [id, value] of found) {
      known[id] = value;
      recovered.set(id, value);
    }
    return found.size > 0;
  };
  if (method === 'lines') {
    while (learn(solveSingleUnknowns(lines, known)));
    return recovered;
  }
  for (let progress = true; progress;) {
    progress = learn(solveLinear(lines, known));
    progress = learn(solveBounds(lines, known, lowerBound)) || progress;
  }
  return recovered;
}

function solveSingleUnknowns(lines: readonly Line[], known: readonly (number | null)[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const line of lines) {
    const unknown = [...line.members, line.total].filter((id) => known[id] === null && !found.has(id));
    if (unknown.length !== 1) continue;
    const id = unknown[0]!;
    const value = (x: number) => known[x] ?? found.get(x)!;
    const membersSum = sum(line.members.filter((m) => m !== id).map(value));
    found.set(id, id === line.total ? membersSum : value(line.total) - membersSum);
  }
  return found;
}

/**
 * Gauss-Jordan elimination of the line equations over the hidden entries. An entry is determined
 * when its pivot row has no free variable. The equation matrices of tables with margins are totally
 * unimodular (each entry is in two lines, rows on one side and columns on the other), so pivots
 * are ±1 and every coefficient stays in {-1, 0, 1}: plain numbers are exact here.
 */
function solveLinear(lines: readonly Line[], known: readonly (number | null)[]): Map<number, number> {
  const unknowns = known.flatMap((v, id) => (v === null ? [id] : []));
  const found = new Map<number, number>();
  if (unknowns.length === 0) return found;
  const column = new Map(unknowns.map((id, j) => [id, j]));
  const n = unknowns.length;
  const matrix: number[][] = [];
  for (const line of lines) {
    const row = new Array<number>(n + 1).fill(0);
    let constant = 0; // sum(members) - total = 0, known entries moved to the right-hand side
    for (const [id, sign] of [...line.members.map((m) => [m, 1] as const), [line.total, -1] as const]) {
      const j = column.get(id);
      if (j === undefined) constant -= sign * known[id]!;
      else row[j]! += sign;
    }
    row[n] = constant;
    if (row.some((v, j) => j < n && v !== 0)) matrix.push(row);
  }

  const pivotOf: number[] = [];
  let rank = 0;
  for (let j = 0; j < n && rank < matrix.length; j++) {
    let p = -1;
    for (let i = rank; i < matrix.length; i++) {
      const a = Math.abs(matrix[i]![j]!);
      if (a > 1e-9 && (p === -1 || Math.abs(a - 1) < Math.abs(Math.abs(matrix[p]![j]!) - 1))) p = i;
    }
    if (p === -1) continue;
    [matrix[rank], matrix[p]] = [matrix[p]!, matrix[rank]!];
    const pivotRow = matrix[rank]!;
    const pivot = pivotRow[j]!;
    for (let k = 0; k <= n; k++) pivotRow[k] = pivotRow[k]! / pivot;
    for (let i = 0; i < matrix.length; i++) {
      const row = matrix[i]!;
      const factor = row[j]!;
      if (i === rank || Math.abs(factor) < 1e-9) continue;
      for (let k = 0; k <= n; k++) row[k] = row[k]! - factor * pivotRow[k]!;
    }
    pivotOf[rank] = j;
    rank++;
  }
  const isPivot = new Set(pivotOf);
  for (let i = 0; i < rank; i++) {
    const row = matrix[i]!;
    const free = row.some((v, k) => k < n && !isPivot.has(k) && Math.abs(v) > 1e-9);
    if (free) continue;
    const value = Math.round(row[n]!);
    if (Math.abs(row[n]! - value) < 1e-6) found.set(unknowns[pivotOf[i]!]!, value);
  }
  return found;
}

/**
 * Interval propagation: every hidden entry starts in [lowerBound, ∞); each line bounds each of its
 * unknowns by the others' bounds; repeated until stable. An entry whose bounds meet is determined.
 */
function solveBounds(
  lines: readonly Line[],
  known: readonly (number | null)[],
  lowerBound: number,
): Map<number, number> {
  const lo = known.map((v) => v ?? lowerBound);
  const hi = known.map((v) => v ?? Infinity);
  const maxRounds = 10 * (lines.length + 1);
  for (let round = 0, changed = true; changed && round < maxRounds; round++) {
    changed = false;
    for (const line of lines) {
      const terms = [...line.members.map((m) => [m, 1] as const), [line.total, -1] as const];
      for (const [id, sign] of terms) {
        if (known[id] !== null) continue;
        // sign·x = -Σ others' sign·x  (the line: Σ members - total = 0)
        let othersMin = 0;
        let othersMax = 0;
        for (const [other, s] of terms) {
          if (other === id) continue;
          othersMin += s > 0 ? lo[other]! : -hi[other]!;
          othersMax += s > 0 ? hi[other]! : -lo[other]!;
        }
        const [newLo, newHi] = sign > 0 ? [-othersMax, -othersMin] : [othersMin, othersMax];
        if (newLo > lo[id]!) {
          lo[id] = newLo;
          changed = true;
        }
        if (newHi < hi[id]!) {
          hi[id] = newHi;
          changed = true;
        }
      }
    }
  }
  const found = new Map<number, number>();
  known.forEach((v, id) => {
    if (v === null && lo[id] === hi[id] && Number.isFinite(lo[id])) found.set(id, lo[id]!);
  });
  return found;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
