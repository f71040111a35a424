import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.ts';
import {
  isSuppressed,
  publishList,
  publishTable,
  recoverable,
  recoverableList,
  suppress,
  suppressList,
  suppressPrimaryOnly,
  type CountTableInput,
  type InternalCell,
  type PublishedCell,
  type PublishedTable,
  type SuppressedTable,
} from './suppression.ts';

/** mulberry32: a small seeded generator, so every run checks the same tables. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Tables of 2..8 × 2..8 with many zeros and small counts, a few large ones. */
function randomTables(seed: number, n: number): CountTableInput[] {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const count = () => {
    const p = random();
    if (p < 0.25) return 0;
    if (p < 0.65) return int(1, 10);
    if (p < 0.9) return int(11, 40);
    return int(41, 400);
  };
  return Array.from({ length: n }, () => {
    const r = int(2, 8);
    const c = int(2, 8);
    return {
      rows: Array.from({ length: r }, (_, i) => `r${i}`),
      columns: Array.from({ length: c }, (_, j) => `c${j}`),
      counts: Array.from({ length: r }, () => Array.from({ length: c }, count)),
    };
  });
}

const TABLES = randomTables(20170601, 1000);

/** Every line of the table (rows, totals row, columns, totals column) as its entries, total last. */
function lines(t: SuppressedTable): InternalCell[][] {
  const rows = t.cells.map((row, i) => [...row, t.rowTotals[i]!]);
  const columns = t.columns.map((_, j) => [...t.cells.map((row) => row[j]!), t.columnTotals[j]!]);
  return [...rows, [...t.columnTotals, t.grandTotal], ...columns, [...t.rowTotals, t.grandTotal]];
}

/** A published table from counts, hiding the listed cells (`${row},${column}`, 'r<i>', 'c<j>', 'g'). */
function publishedFrom(counts: number[][], hidden: string[]): PublishedTable {
  const show = (key: string, value: number): PublishedCell => (hidden.includes(key) ? { suppressed: true } : { value });
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = counts[0]!.map((_, j) => counts.reduce((a, row) => a + row[j]!, 0));
  return {
    rows: counts.map((_, i) => `r${i}`),
    columns: counts[0]!.map((_, j) => `c${j}`),
    cells: counts.map((row, i) => row.map((v, j) => show(`${i},${j}`, v))),
    rowTotals: rowTotals.map((v, i) => show(`r${i}`, v)),
    columnTotals: columnTotals.map((v, j) => show(`c${j}`, v)),
    grandTotal: show(
      'g',
      rowTotals.reduce((a, b) => a + b, 0),
    ),
    threshold: 10,
    zerosSuppressed: false,
  };
}

describe('primary suppression', () => {
  const input: CountTableInput = {
    rows: ['Phnom Penh', 'Banteay Meanchey'],
    columns: ['female', 'male', 'unknown'],
    counts: [
      [120, 10, 0],
      [11, 1, 0],
    ],
  };

  it('hides counts from 1 to the threshold, totals included, and publishes zeros', () => {
    const t = suppressPrimaryOnly(input);
    expect(t.cells.map((row) => row.map((c) => c.suppressed))).toEqual([
      [null, 'primary', null],
      [null, 'primary', null],
    ]);
    expect(t.columnTotals.map((c) => c.suppressed)).toEqual([null, null, null]); // 131, 11, 0
    expect(t.rowTotals.map((c) => [c.value, c.suppressed])).toEqual([
      [130, null],
      [12, null],
    ]);
    expect(suppressPrimaryOnly({ ...input, counts: [[3, 4, 0]], rows: ['x'] }).rowTotals[0]).toEqual({
      value: 7,
      suppressed: 'primary',
    });
  });

  it('computes totals from the true counts, before suppression', () => {
    const t = suppress(input);
    expect(t.grandTotal.value).toBe(142);
    expect(t.rowTotals.map((c) => c.value)).toEqual([130, 12]);
    expect(t.columnTotals.map((c) => c.value)).toEqual([131, 11, 0]);
  });

  it('takes the threshold from the options and can hide zeros', () => {
    expect(suppressPrimaryOnly(input, { threshold: 11 }).cells[1]![0]!.suppressed).toBe('primary');
    expect(suppressPrimaryOnly(input, { threshold: 10 }).cells[1]![0]!.suppressed).toBe(null);
    const zeros = suppressPrimaryOnly(input, { suppressZeros: true });
    expect(zeros.cells[0]![2]!.suppressed).toBe('primary');
    expect(zeros.zerosSuppressed).toBe(true);
    expect(suppress(input).cells[0]![2]).toEqual({ value: 0, suppressed: null });
  });

  it('refuses counts that are not whole non-negative numbers, and misshapen tables', () => {
    expect(() =>
      suppress({
        ...input,
        counts: [
          [1, -1, 0],
          [1, 1, 1],
        ],
      }),
    ).toThrow(InputError);
    expect(() =>
      suppress({
        ...input,
        counts: [
          [1, 1.5, 0],
          [1, 1, 1],
        ],
      }),
    ).toThrow(InputError);
    expect(() => suppress({ ...input, counts: [[1, 1, 0]] })).toThrow(InputError);
    expect(() =>
      suppress({
        ...input,
        counts: [
          [1, 1],
          [1, 1],
        ],
      }),
    ).toThrow(InputError);
    expect(() => suppress(input, { threshold: 0 })).toThrow(InputError);
  });
});

describe('secondary suppression', () => {
  it('hides the smallest other non-zero entry of a line with one hidden cell', () => {
    const t = suppress({
      rows: ['a', 'b'],
      columns: ['x', 'y', 'z'],
      counts: [
        [3, 20, 15],
        [30, 40, 50],
      ],
    });
    expect(t.cells[0]![0]!.suppressed).toBe('primary');
    expect(t.cells[0]![2]!.suppressed).toBe('secondary'); // 15 < 20 < 38 (the row total)
    expect(t.cells[0]![1]!.suppressed).toBe(null);
    for (const line of lines(t)) expect(line.filter((c) => c.suppressed).length).not.toBe(1);
    expect(recoverable(publishTable(t))).toEqual([]);
  });

  it('hides a small total and protects its line', () => {
    const t = suppress({
      rows: ['a', 'b', 'c'],
      columns: ['x', 'y'],
      counts: [
        [4, 3],
        [50, 60],
        [70, 80],
      ],
    });
    expect(t.rowTotals[0]).toEqual({ value: 7, suppressed: 'primary' });
    for (const line of lines(t)) expect(line.filter((c) => c.suppressed).length).not.toBe(1);
    expect(recoverable(publishTable(t))).toEqual([]);
  });

  it('leaves a table without small counts untouched', () => {
    const t = suppress({
      rows: ['a', 'b'],
      columns: ['x', 'y'],
      counts: [
        [0, 12],
        [40, 0],
      ],
    });
    expect([...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal].every((c) => !c.suppressed)).toBe(true);
  });

  it('is deterministic', () => {
    for (const table of TABLES.slice(0, 50)) expect(suppress(table)).toEqual(suppress(table));
  });
});

describe('the public view', () => {
  it('keeps no value for a hidden cell', () => {
    const published = publishTable(suppress(TABLES[0]!));
    const all = [...published.cells.flat(), ...published.rowTotals, ...published.columnTotals, published.grandTotal];
    expect(all.some(isSuppressed)).toBe(true);
    for (const cell of all) {
      expect(Object.keys(cell)).toEqual(isSuppressed(cell) ? ['suppressed'] : ['value']);
    }
  });
});

describe('the attack (recoverable)', () => {
  it('recomputes hidden cells when only primary suppression is applied', () => {
    let tablesWithRecoveries = 0;
    for (const table of TABLES) {
      const internal = suppressPrimaryOnly(table);
      const found = recoverable(publishTable(internal), { method: 'lines' });
      if (found.length > 0) tablesWithRecoveries++;
      for (const { cell, value } of found) {
        // Every recovered value is the true one: the attack deduces, it does not guess.
        const truth =
          cell.kind === 'cell'
            ? internal.cells[cell.row]![cell.column]!
            : cell.kind === 'rowTotal'
              ? internal.rowTotals[cell.row]!
              : cell.kind === 'columnTotal'
                ? internal.columnTotals[cell.column]!
                : internal.grandTotal;
        expect(truth.suppressed).toBe('primary');
        expect(value).toBe(truth.value);
      }
    }
    expect(tablesWithRecoveries).toBeGreaterThan(TABLES.length / 2);
  });

  it('solves a line with a single unknown', () => {
    expect(
      recoverable(
        publishedFrom(
          [
            [5, 20],
            [30, 40],
          ],
          ['0,0'],
        ),
        { method: 'lines' },
      ),
    ).toEqual([{ cell: { kind: 'cell', row: 0, column: 0 }, value: 5 }]);
  });

  it('finds a "bridge" between two groups of hidden cells that no single line reveals', () => {
    // Two closed rectangles of hidden cells (rows 0-1 × columns 0-1, rows 2-3 × columns 2-3) joined
    // by one more hidden cell (1,2): every line hides 0 or at least 2 cells, yet rows 0+1 minus
    // columns 0+1 leaves only (1,2).
    const counts = [
      [3, 4, 20, 30],
      [5, 6, 7, 40],
      [50, 60, 8, 9],
      [70, 80, 2, 3],
    ];
    const hidden = ['0,0', '0,1', '1,0', '1,1', '1,2', '2,2', '2,3', '3,2', '3,3'];
    const published = publishedFrom(counts, hidden);
    expect(recoverable(published, { method: 'lines' })).toEqual([]);
    expect(recoverable(published)).toContainEqual({ cell: { kind: 'cell', row: 1, column: 2 }, value: 7 });
  });

  it('uses the lower bound: when zeros are published, two hidden cells summing to 2 are two 1s', () => {
    const counts = [
      [1, 1, 50],
      [60, 70, 80],
    ];
    const published = publishedFrom(counts, ['0,0', '0,1', '1,0', '1,1']);
    expect(recoverable(published, { method: 'lines' })).toEqual([]);
    const found = recoverable(published);
    expect(found).toContainEqual({ cell: { kind: 'cell', row: 0, column: 0 }, value: 1 });
    expect(recoverable({ ...published, zerosSuppressed: true })).toEqual([]); // could be 0 and 2
    const t = suppress({ rows: ['a', 'b'], columns: ['x', 'y', 'z'], counts });
    expect(recoverable(publishTable(t))).toEqual([]);
  });

  it(`recovers nothing after suppress() on ${TABLES.length} random tables`, () => {
    let secondary = 0;
    for (const table of TABLES) {
      const internal = suppress(table);
      const published = publishTable(internal);
      expect(recoverable(published)).toEqual([]);
      expect(recoverable(published, { method: 'lines' })).toEqual([]);
      for (const line of lines(internal)) expect(line.filter((c) => c.suppressed).length).not.toBe(1);
      // Primary suppression is exactly the counts from 1 to 10.
      for (const cell of [...internal.cells.flat(), ...internal.rowTotals, ...internal.columnTotals]) {
        expect(cell.suppressed === 'primary').toBe(cell.value >= 1 && cell.value <= 10);
        // A 0 is never hidden when zeros are published (it would break the reader's "at least 1").
        if (cell.value === 0) expect(cell.suppressed).toBe(null);
      }
      secondary += internal.cells.flat().filter((c) => c.suppressed === 'secondary').length;
    }
    expect(secondary).toBeGreaterThan(0);
  });

  it('recovers nothing with other thresholds, or with zeros hidden too', () => {
    for (const [i, table] of TABLES.slice(0, 300).entries()) {
      const options = [{ threshold: 3 }, { threshold: 25 }, { suppressZeros: true }][i % 3]!;
      expect(recoverable(publishTable(suppress(table, options)))).toEqual([]);
    }
  });
});

describe('lists', () => {
  const labels = ['THA', 'MYS', 'CHN', 'VNM'];

  it('hides small counts and a second entry beside a lone one', () => {
    const list = suppressList({ labels, counts: [120, 4, 30, 0] });
    expect(list.cells.map((c) => c.suppressed)).toEqual([null, 'primary', 'secondary', null]);
    expect(list.total).toEqual({ value: 154, suppressed: null });
    expect(recoverableList(publishList(list))).toEqual([]);
  });

  it('hides a third entry when the hidden ones could only be 1s', () => {
    const list = suppressList({ labels: ['a', 'b', 'c'], counts: [1, 1, 50] });
    expect(list.cells.map((c) => c.suppressed)).toEqual(['primary', 'primary', 'secondary']);
    expect(recoverableList(publishList(list))).toEqual([]);
    const primaryOnly = publishList({
      ...list,
      cells: list.cells.map((c) => (c.suppressed === 'secondary' ? { ...c, suppressed: null } : c)),
    });
    expect(recoverableList(primaryOnly, { method: 'lines' })).toEqual([]);
    expect(recoverableList(primaryOnly)).toEqual([
      { cell: { kind: 'cell', index: 0 }, value: 1 },
      { cell: { kind: 'cell', index: 1 }, value: 1 },
    ]);
  });

  it('hides a small total and every count under it', () => {
    const list = suppressList({ labels: ['a', 'b', 'c'], counts: [2, 0, 5] });
    expect(list.total).toEqual({ value: 7, suppressed: 'primary' });
    expect(recoverableList(publishList(list))).toEqual([]);
  });
});
