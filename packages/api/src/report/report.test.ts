import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { loadCountryConfigFile } from '../config-file.ts';
import { FIXTURE_DEDUPLICATION, FIXTURE_SOURCE_VALUES, fixtureReport } from './annual-report.fixture.ts';
import { CSV_COLUMNS, renderReportCsv } from './csv.ts';
import { escapeHtml, renderReportHtml } from './html.ts';
import { DEDUP_IDS, valueParts } from './rows.ts';
import { categoryLabel, dimensionLabel, TEXTS } from './texts.ts';
import type { AnnualReport, ReportFigure, ReportLang } from './types.ts';
import { renderReportXlsx } from './xlsx.ts';

const KHM = loadCountryConfigFile(fileURLToPath(new URL('../../../../config/countries/KHM.json', import.meta.url)));
const SHARED_FIGURES = fileURLToPath(new URL('../../../../../shared/data/tip-figures-cambodia.json', import.meta.url));
const report = fixtureReport();
const LANGS: readonly ReportLang[] = ['en', 'km'];

/** The expected value of a figure/year/part, as the report holds it. */
function expectedValue(f: ReportFigure, year: string, part: string): number | null {
  return valueParts(f.values[year]).find(([p]) => p === part)?.[1] ?? null;
}

/** The HTML of the element carrying `data-figure="<id>"`, up to its closing tag. */
function figureElement(html: string, id: string): string {
  const at = html.indexOf(`data-figure="${escapeHtml(id)}"`);
  expect(at, `figure ${id} is on the page`).toBeGreaterThan(0);
  const end = html.indexOf('</tr>', at);
  const endDiv = html.indexOf('</div>', at);
  return html.slice(at, Math.min(...[end, endDiv].filter((e) => e > 0)));
}

describe('the fixture is the source report', () => {
  it('holds every figure of tip-figures-cambodia.json with its values', () => {
    expect(
      existsSync(SHARED_FIGURES),
      `${SHARED_FIGURES} is missing: the shared data set must be beside the repository`,
    ).toBe(true);
    const source = JSON.parse(readFileSync(SHARED_FIGURES, 'utf8')) as {
      figures: { id: string; section: string; values: unknown }[];
    };
    expect(Object.keys(FIXTURE_SOURCE_VALUES).sort()).toEqual(source.figures.map((f) => f.id).sort());
    for (const f of source.figures) expect(FIXTURE_SOURCE_VALUES[f.id], f.id).toEqual(f.values);
  });

  it('has the styles of the contract', () => {
    const style = (id: string) => report.figures.find((f) => f.id === id)!.style;
    expect(style('prosecution.individuals_prosecuted').en).toBe('207 (53 in 2016)');
    expect(style('prevention.budget_ncct').en).toBe(
      '4.9 billion riels ($1.2 million) (4 billion riels ($975,000) in 2016)',
    );
    expect(style('prevention.provincial_action_plans').en).toBe('6 of 9 (5 in 2016)');
    expect(style('prosecution.sentencing_data').en).toBe('not reported');
    expect(style('prosecution.individuals_prosecuted').km).toBe('207 (53 ក្នុងឆ្នាំ 2016)');
  });
});

describe.each(LANGS)('renderReportHtml (%s)', (lang) => {
  const html = renderReportHtml(report, lang, KHM);
  const t = TEXTS[lang];

  it('is one standalone document: language, title, embedded fonts, no external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(`<title>${escapeHtml(t.title)} 2017`);
    expect(html).toContain('src: url(data:font/woff;base64,');
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:|\/\/|file:)/i);
    expect(html).not.toMatch(/url\((?!data:)/);
  });

  it('names the country, the year, the as-of date and the checkpoint (seq and short hash)', () => {
    expect(html).toContain(escapeHtml(KHM.name[lang]!));
    expect(html).toContain('(KHM)');
    expect(html).toContain(`data-field="year">2017 (${escapeHtml(t.comparedWith('2016'))})`);
    expect(html).toContain(`datetime="${report.asOf}"`);
    expect(html).toContain(lang === 'en' ? '31 March 2018 at 23:59' : '31 មីនា 2018'); // Asia/Phnom_Penh
    expect(html).toContain(`#48213 · <span title="${report.checkpoint.hash}">3f9a2c1d7e4b</span>`);
    expect(html).toContain(report.checkpoint.hash); // in full, in the footer note
  });

  it('has the three sections in order, then the de-duplication table', () => {
    const at = (s: string) => html.indexOf(`id="section-${s}"`);
    expect(at('prosecution')).toBeGreaterThan(0);
    expect(at('prosecution')).toBeLessThan(at('protection'));
    expect(at('protection')).toBeLessThan(at('prevention'));
    expect(at('prevention')).toBeLessThan(at('deduplication'));
    for (const s of ['prosecution', 'protection', 'prevention'] as const)
      expect(html).toContain(escapeHtml(t.sections[s]));
  });

  it("shows every figure's label and sentence in its section, with its indicator id and version", () => {
    for (const f of report.figures) {
      const el = figureElement(html, f.id);
      expect(el).toContain(escapeHtml(f.label[lang]));
      expect(el, f.id).toContain(escapeHtml(f.style[lang]));
      expect(el).toContain(
        `${escapeHtml(t.indicator)} ${f.indicator.id} · ${escapeHtml(t.version)} ${f.indicator.version}`,
      );
      if (f.section !== 'profile') {
        const section = html.lastIndexOf('id="section-', html.indexOf(`data-figure="${f.id}"`));
        expect(html.slice(section, section + 40)).toContain(`section-${f.section}`);
      }
    }
  });

  it('tables each figure by country, biggest first, with a total, in the language', () => {
    const at = html.indexOf('data-figure-detail="protection.repatriated_by_mfaic"');
    const table = html.slice(at, html.indexOf('</table>', at));
    const rows = [
      ...table.matchAll(/data-category="([A-Z]{3})"><th scope="row">([^<]+)<\/th><td class="num">([\d,]+)</g),
    ];
    expect(rows.map((r) => r[1])).toEqual(['MYS', 'THA', 'VNM', 'CHN', 'LAO', 'IDN', 'JPN', 'SGP', 'MMR']);
    expect(rows[0]![2]).toBe(lang === 'en' ? 'Malaysia' : 'ម៉ាឡេស៊ី');
    expect(rows[0]![3]).toBe('382');
    expect(table).toMatch(/<tr class="total">.*986<\/td>/);
  });

  it('tables the other breakdowns (province names from the configuration)', () => {
    const at = html.indexOf('data-figure-detail="prosecution.individuals_prosecuted"');
    const detail = html.slice(at, html.indexOf('</tr>\n<tr class="figure"', at));
    expect(detail).toContain('data-breakdown="province"');
    expect(detail).toContain(lang === 'en' ? 'Phnom Penh' : 'ភ្នំពេញ');
    expect(detail).toContain('data-breakdown="sex"');
    expect(detail).toContain(lang === 'en' ? 'Female' : 'ស្រី');
  });

  it('shows agency counts, overlaps and the national count with its confirmed-only vs with-proposed range', () => {
    const at = html.indexOf('id="section-deduplication"');
    const dedup = html.slice(at, html.indexOf('</section>', at));
    expect(dedup).toMatch(/data-agency="MFAIC"><th scope="row">MFAIC<\/th><td class="num">986</);
    expect(dedup).toMatch(/data-agency="NGO"><th scope="row">[^<]+<\/th><td class="num">395</);
    expect(dedup).toContain(
      `data-overlap="MFAIC+MOSAVY+NGO"><th scope="row">MFAIC${escapeHtml(t.and)}MOSAVY${escapeHtml(t.and)}`,
    );
    expect(dedup).toContain(
      `data-overlap="MFAIC"><th scope="row">${escapeHtml(t.only('MFAIC'))}</th><td class="num">700<`,
    );
    expect(dedup).toContain('<strong>1,245</strong>');
    expect(dedup).toContain(escapeHtml(t.range('1,222', '1,245', '23')));
    expect(dedup).toContain(escapeHtml(t.confirmedOnly('425')));
  });

  it('escapes what it shows', () => {
    const tricky: AnnualReport = {
      ...report,
      figures: [{ ...report.figures[0]!, label: { en: '<script>x</script> & co', km: '<b>ក</b>' } }],
    };
    const out = renderReportHtml(tricky, lang, KHM);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
  });
});

describe.each(LANGS)('renderReportCsv (%s)', (lang) => {
  const csv = renderReportCsv(report, lang, KHM);
  const records = parse(csv, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));

  it('is UTF-8 with a byte-order mark, CRLF line ends and the documented columns', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n(?=[a-zA-Z]{3},)/); // no bare LF between records
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
  });

  it('parses back to every figure value, per year and part, with the indicator version and checkpoint', () => {
    for (const f of report.figures) {
      const years = Object.keys(f.values).filter((y) => /^\d{4}$/.test(y));
      for (const y of years)
        for (const [part] of valueParts(f.values[y])) {
          const rows = records.filter(
            (r) => r.figure_id === f.id && r.year === y && r.part === part && r.breakdown === '',
          );
          expect(rows, `${f.id} ${y} ${part}`).toHaveLength(1);
          const row = rows[0]!;
          expect(num(row.value)).toBe(expectedValue(f, y, part));
          expect(row.label).toBe(f.label[lang]);
          expect(row.statement).toBe(y === '2017' ? f.style[lang] : '');
          expect(row.indicator_id).toBe(f.indicator.id);
          expect(Number(row.indicator_version)).toBe(f.indicator.version);
          expect(row.checkpoint_seq).toBe('48213');
          expect(row.checkpoint_hash).toBe(report.checkpoint.hash);
          expect(row.as_of).toBe(report.asOf);
        }
    }
    const profile = records.find((r) => r.figure_id === 'context.provinces')!;
    expect([profile.part, profile.value, profile.year]).toEqual(['count', '25', '2017']);
  });

  it('parses back to every breakdown: by country per year, and the others', () => {
    for (const f of report.figures) {
      for (const [y, counts] of Object.entries(f.byCountry ?? {}))
        for (const [code, n] of Object.entries(counts)) {
          const row = records.find(
            (r) => r.figure_id === f.id && r.year === y && r.breakdown === 'country' && r.category === code,
          );
          expect(num(row?.value), `${f.id} ${y} ${code}`).toBe(n);
        }
      for (const [dim, counts] of Object.entries(f.breakdowns ?? {}))
        for (const [code, n] of Object.entries(counts)) {
          const row = records.find((r) => r.figure_id === f.id && r.breakdown === dim && r.category === code);
          expect(num(row?.value), `${f.id} ${dim} ${code}`).toBe(n);
          expect(row!.year).toBe('2017');
        }
    }
    const mys = records.find((r) => r.figure_id === 'protection.repatriated_by_mfaic' && r.category === 'MYS')!;
    expect(mys.category_label).toBe(lang === 'en' ? 'Malaysia' : 'ម៉ាឡេស៊ី');
  });

  it('parses back to the de-duplication table', () => {
    const value = (id: string, category = '') =>
      num(records.find((r) => r.figure_id === id && r.category === category)?.value);
    for (const [a, n] of Object.entries(FIXTURE_DEDUPLICATION.agencies)) expect(value(DEDUP_IDS.agencies, a)).toBe(n);
    for (const [k, n] of Object.entries(FIXTURE_DEDUPLICATION.overlaps)) expect(value(DEDUP_IDS.overlaps, k)).toBe(n);
    expect(value(DEDUP_IDS.nationalDistinct)).toBe(1245);
    expect(value(DEDUP_IDS.lowerBound)).toBe(1222);
    expect(value(DEDUP_IDS.confirmedLinks)).toBe(425);
    expect(value(DEDUP_IDS.proposedLinks)).toBe(23);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const label = { en: 'Victims, "identified"\nat sea', km: 'ជនរងគ្រោះ, "កំណត់"\r\nនៅសមុទ្រ' };
    const tricky: AnnualReport = { ...report, figures: [{ ...report.figures[0]!, label }] };
    const back = parse(renderReportCsv(tricky, lang), { bom: true, columns: true }) as Record<string, string>[];
    expect(back[0]!.label).toBe(label[lang]);
    expect(back[0]!.value).toBe('207');
  });
});

describe.each(LANGS)('renderReportXlsx (%s)', (lang) => {
  it('reads back to the same numbers, with the indicator versions and the checkpoint', async () => {
    const t = TEXTS[lang];
    const sheets = await readXlsxFile(await renderReportXlsx(report, lang, KHM));
    expect(sheets.map((s) => s.sheet)).toEqual([t.sheetFigures, t.sheetBreakdowns, t.sheetDeduplication, t.sheetAbout]);
    const [figures, breakdowns, dedup, about] = sheets.map((s) => s.data);

    const c = t.columns;
    expect(figures![0]).toEqual([
      c.section,
      c.figure,
      c.label,
      c.part,
      '2017',
      '2016',
      c.statement,
      c.indicator,
      c.version,
      c.checkpointSeq,
      c.checkpointHash,
    ]);
    for (const f of report.figures) {
      const rows = figures!.filter((r) => r[1] === f.id);
      expect(rows.length, f.id).toBeGreaterThan(0);
      for (const row of rows) {
        const part = (row[3] as string | null) ?? '';
        if (f.section === 'profile') {
          expect(row[4]).toBe(25);
          continue;
        }
        expect(row[4], `${f.id} 2017 ${part}`).toBe(expectedValue(f, '2017', part));
        expect(row[5], `${f.id} 2016 ${part}`).toBe(expectedValue(f, '2016', part));
        expect(row[2]).toBe(f.label[lang]);
        expect(row[6]).toBe(f.style[lang]);
        expect(row[7]).toBe(f.indicator.id);
        expect(row[8]).toBe(f.indicator.version);
        expect(row[9]).toBe(48213);
        expect(row[10]).toBe(report.checkpoint.hash);
      }
    }
    const budget = figures!.filter((r) => r[1] === 'prevention.budget_ncct').map((r) => [r[3], r[4], r[5]]);
    expect(budget).toEqual([
      ['KHR', 4_900_000_000, 4_000_000_000],
      ['USD', 1_200_000, 975_000],
    ]);

    const mys = breakdowns!.find((r) => r[0] === 'protection.repatriated_with_mosavy' && r[4] === 'MYS')!;
    expect([mys[2], mys[3], mys[5], mys[6], mys[8], mys[9]]).toEqual([
      2017,
      'country',
      lang === 'en' ? 'Malaysia' : 'ម៉ាឡេស៊ី',
      114,
      1,
      48213,
    ]);
    const breakdownTotal = breakdowns!
      .filter((r) => r[0] === 'prosecution.individuals_prosecuted' && r[3] === 'province')
      .reduce((a, r) => a + (r[6] as number), 0);
    expect(breakdownTotal).toBe(207);

    expect(dedup!.find((r) => r[0] === DEDUP_IDS.nationalDistinct)?.[5]).toBe(1245);
    expect(dedup!.find((r) => r[0] === DEDUP_IDS.overlaps && r[3] === 'MFAIC+NGO')?.[5]).toBe(150);
    expect(about!.find((r) => r[0] === c.checkpointHash)?.[1]).toBe(report.checkpoint.hash);
    expect(about!.find((r) => r[0] === t.asOf)?.[1]).toBe(report.asOf);
  });
});

describe('breakdown labels', () => {
  it('names every organisation type of the configuration in both languages (referred by / referred to)', () => {
    const types = [...new Set(KHM.organisations.map((o) => o.type))];
    for (const lang of ['en', 'km'] as const) {
      expect(dimensionLabel('referred_by', lang)).not.toBe('referred by');
      for (const type of types)
        expect(categoryLabel('referred_by', type, lang, KHM), `${type} (${lang})`).not.toBe(type);
    }
    expect(categoryLabel('referred_by', 'social-affairs', 'en', KHM)).toBe('Social affairs');
  });
});
