import { formatCount, formatYear } from '@ctis/core';
import { fontFaceCss, REPORT_FONT_FAMILY } from './fonts.ts';
import { nationalDistinctRange } from './rows.ts';
import {
  categoryLabel,
  dimensionLabel,
  formatAsOf,
  overlapLabel,
  agencyLabel,
  shortHash,
  TEXTS,
  type ReportConfig,
} from './texts.ts';
import type { AnnualReport, ReportFigure, ReportLang, ReportSection } from './types.ts';

/**
 * The annual report as one standalone HTML document (fonts embedded, no external request): the
 * title, the country, the year, the checkpoint and as-of date; the prosecution, protection and
 * prevention sections with each figure's label and its sentence in the report's style (the previous
 * year beside it), its by-country and other breakdown tables, and its indicator id and version in
 * small print; then the de-duplication table. The PDF is this page printed by Chromium.
 */

const SECTIONS: readonly ReportSection[] = ['prosecution', 'protection', 'prevention'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A CSS string literal (for @page margin boxes). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;
}

export function renderReportHtml(report: AnnualReport, lang: ReportLang, config: ReportConfig): string {
  const t = TEXTS[lang];
  const n = (v: number) => formatCount(v, lang);
  const y = formatYear(report.year, lang);
  const py = formatYear(report.previousYear, lang);
  const countryName = config.country === report.country ? (config.name[lang] ?? config.name.en) : undefined;
  const country = countryName ? `${countryName} (${report.country})` : report.country;
  const asOf = formatAsOf(report.asOf, lang, config);
  const title = `${t.title} ${y} — ${country}`;

  const section = (s: ReportSection) => {
    const figures = report.figures.filter((f) => f.section === s);
    const rows = figures.map((f) => figureRows(f, report, lang, config)).join('\n');
    return `<section class="report-section" id="section-${s}">
<h2>${escapeHtml(t.sections[s])}</h2>
${
  figures.length === 0
    ? `<p class="empty">${escapeHtml(t.none)}</p>`
    : `<table class="figures">
<colgroup><col class="label-col"><col class="statement-col"></colgroup>
<thead><tr><th scope="col">${escapeHtml(t.figure)}</th><th scope="col">${escapeHtml(t.statement(y, py))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
}
</section>`;
  };

  const profile = report.figures.filter((f) => f.section === 'profile');
  const profileBlock = profile.length
    ? `<section class="report-section profile" id="section-profile">
<h2>${escapeHtml(t.sections.profile)}</h2>
<dl>${profile
        .map(
          (f) =>
            `<div data-figure="${escapeHtml(f.id)}"><dt>${escapeHtml(f.label[lang])}</dt><dd>${escapeHtml(f.style[lang])} ${indicatorNote(f, lang)}</dd></div>`,
        )
        .join('')}</dl>
</section>`
    : '';

  const footer = `${t.checkpoint} #${report.checkpoint.seq} · ${shortHash(report.checkpoint.hash)}`;

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${fontFaceCss()}
@page {
  size: A4;
  margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: ${cssString(footer)}; font-family: '${REPORT_FONT_FAMILY}', sans-serif; font-size: 7.5pt; color: #555; }
  @bottom-right { content: ${cssString(t.page)} " " counter(page) " / " counter(pages); font-family: '${REPORT_FONT_FAMILY}', sans-serif; font-size: 7.5pt; color: #555; }
}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: '${REPORT_FONT_FAMILY}', sans-serif; font-size: 10pt; line-height: 1.6; color: #1a1a1a; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; max-width: none; } }
h1 { font-size: 17pt; line-height: 1.5; margin: 0 0 2mm; color: #0b3d6b; font-weight: 700; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid #0b3d6b; color: #0b3d6b; font-weight: 700; break-after: avoid; }
h3 { font-size: 10pt; margin: 2mm 0 1mm; font-weight: 700; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 5mm; margin: 0 0 4mm; font-size: 9.5pt; }
.meta dt { font-weight: 700; }
.meta dd { margin: 0; }
.hash { font-size: 8pt; color: #555; word-break: break-all; }
table { border-collapse: collapse; width: 100%; }
table.figures > thead th { text-align: left; font-size: 8.5pt; color: #444; border-bottom: 1px solid #999; padding: 1mm 2mm; }
table.figures col.label-col { width: 48%; }
tr.figure { break-inside: avoid; }
tr.figure > th, tr.figure > td { text-align: left; vertical-align: top; padding: 1.8mm 2mm; border-top: 1px solid #d6d6d6; }
tr.figure > th { font-weight: 400; }
tr.figure > td.statement { font-weight: 700; }
tr.detail > td { padding: 0 2mm 2mm 6mm; }
.indicator { display: block; font-size: 7pt; line-height: 1.4; color: #666; font-weight: 400; }
.breakdowns { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 2mm 6mm; }
table.breakdown { width: auto; min-width: 50mm; font-size: 8.5pt; break-inside: avoid; }
table.breakdown caption { text-align: left; font-weight: 700; font-size: 8.5pt; }
table.breakdown th, table.breakdown td { padding: 0.4mm 2mm; border-bottom: 1px solid #e4e4e4; text-align: left; }
table.breakdown td.num, table.breakdown th.num, table.dedup td.num, table.dedup th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.breakdown tr.total th, table.breakdown tr.total td { font-weight: 700; border-top: 1px solid #999; }
.dedup-tables { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 3mm 8mm; break-inside: avoid; }
table.dedup { width: auto; min-width: 70mm; font-size: 9pt; }
table.dedup caption { text-align: left; font-weight: 700; }
table.dedup th, table.dedup td { padding: 0.6mm 2mm; border-bottom: 1px solid #e4e4e4; text-align: left; }
.national { margin: 3mm 0 0; padding: 2mm 3mm; border-left: 3px solid #0b3d6b; background: #f1f5f9; break-inside: avoid; }
.national strong { font-size: 12pt; }
.profile dl { margin: 0; }
.profile dl > div { display: flex; gap: 3mm; }
.profile dt { font-weight: 700; }
.profile dd { margin: 0; }
footer { margin-top: 6mm; font-size: 7.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 2mm; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(t.title)} ${escapeHtml(y)}</h1>
<dl class="meta">
<dt>${escapeHtml(t.country)}</dt><dd data-field="country">${escapeHtml(country)}</dd>
<dt>${escapeHtml(t.reportingYear)}</dt><dd data-field="year">${escapeHtml(y)} (${escapeHtml(t.comparedWith(py))})</dd>
<dt>${escapeHtml(t.asOf)}</dt><dd data-field="as-of"><time datetime="${escapeHtml(report.asOf)}">${escapeHtml(asOf)}</time></dd>
<dt>${escapeHtml(t.checkpoint)}</dt><dd data-field="checkpoint">#${report.checkpoint.seq} · <span title="${escapeHtml(report.checkpoint.hash)}">${escapeHtml(shortHash(report.checkpoint.hash))}</span></dd>
</dl>
</header>
<main>
${profileBlock}
${SECTIONS.map(section).join('\n')}
${deduplicationBlock(report, lang, config, n)}
</main>
<footer>
<p>${escapeHtml(t.reproducible(String(report.checkpoint.seq), report.checkpoint.hash, asOf))}</p>
</footer>
</body>
</html>
`;
}

function indicatorNote(f: ReportFigure, lang: ReportLang): string {
  const t = TEXTS[lang];
  return `<span class="indicator">${escapeHtml(f.id)} · ${escapeHtml(t.indicator)} ${escapeHtml(f.indicator.id)} · ${escapeHtml(t.version)} ${f.indicator.version}</span>`;
}

function figureRows(f: ReportFigure, report: AnnualReport, lang: ReportLang, config: ReportConfig): string {
  const row = `<tr class="figure" id="figure-${escapeHtml(f.id)}" data-figure="${escapeHtml(f.id)}">
<th scope="row">${escapeHtml(f.label[lang])}${indicatorNote(f, lang)}</th>
<td class="statement">${escapeHtml(f.style[lang])}</td>
</tr>`;
  const tables = [byCountryTable(f, report, lang, config), ...breakdownTables(f, lang, config)].filter(Boolean);
  if (tables.length === 0) return row;
  return `${row}
<tr class="detail" data-figure-detail="${escapeHtml(f.id)}"><td colspan="2"><div class="breakdowns">${tables.join('')}</div></td></tr>`;
}

/** Country | report year | previous year (the years the figure has), biggest first, with a total. */
function byCountryTable(f: ReportFigure, report: AnnualReport, lang: ReportLang, config: ReportConfig): string {
  if (!f.byCountry) return '';
  const t = TEXTS[lang];
  const years = [report.year, report.previousYear].map(String).filter((y) => f.byCountry![y]);
  if (years.length === 0) return '';
  const codes = [...new Set(years.flatMap((y) => Object.keys(f.byCountry![y]!)))];
  const main = f.byCountry[years[0]!]!;
  codes.sort((a, b) => (main[b] ?? 0) - (main[a] ?? 0) || a.localeCompare(b));
  const cell = (y: string, c: string) => {
    const v = f.byCountry![y]![c];
    return `<td class="num">${v === undefined ? '–' : escapeHtml(formatCount(v, lang))}</td>`;
  };
  const total = (y: string) => Object.values(f.byCountry![y]!).reduce((a, b) => a + b, 0);
  return `<table class="breakdown by-country" data-breakdown="country">
<caption>${escapeHtml(t.byCountry)}</caption>
<thead><tr><th>${escapeHtml(dimensionLabel('country', lang))}</th>${years.map((y) => `<th class="num">${escapeHtml(formatYear(y, lang))}</th>`).join('')}</tr></thead>
<tbody>
${codes.map((c) => `<tr data-category="${escapeHtml(c)}"><th scope="row">${escapeHtml(categoryLabel('country', c, lang, config))}</th>${years.map((y) => cell(y, c)).join('')}</tr>`).join('\n')}
<tr class="total"><th scope="row">${escapeHtml(t.total)}</th>${years.map((y) => `<td class="num">${escapeHtml(formatCount(total(y), lang))}</td>`).join('')}</tr>
</tbody>
</table>`;
}

/** One small table per breakdown dimension (report year). */
function breakdownTables(f: ReportFigure, lang: ReportLang, config: ReportConfig): string[] {
  if (!f.breakdowns) return [];
  const t = TEXTS[lang];
  return Object.entries(f.breakdowns).map(([dimension, counts]) => {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = entries.reduce((a, [, v]) => a + v, 0);
    return `<table class="breakdown" data-breakdown="${escapeHtml(dimension)}">
<caption>${escapeHtml(t.by(dimensionLabel(dimension, lang)))}</caption>
<tbody>
${entries.map(([code, v]) => `<tr data-category="${escapeHtml(code)}"><th scope="row">${escapeHtml(categoryLabel(dimension, code, lang, config))}</th><td class="num">${escapeHtml(formatCount(v, lang))}</td></tr>`).join('\n')}
<tr class="total"><th scope="row">${escapeHtml(t.total)}</th><td class="num">${escapeHtml(formatCount(total, lang))}</td></tr>
</tbody>
</table>`;
  });
}

function deduplicationBlock(
  report: AnnualReport,
  lang: ReportLang,
  config: ReportConfig,
  n: (v: number) => string,
): string {
  const t = TEXTS[lang];
  const d = report.deduplication;
  const agencies = Object.entries(d.agencies);
  const sum = agencies.reduce((a, [, v]) => a + v, 0);
  // Overlap groups by number of agencies (one agency only first), then by size.
  const overlaps = Object.entries(d.overlaps).sort(
    (a, b) => a[0].split('+').length - b[0].split('+').length || b[1] - a[1] || a[0].localeCompare(b[0]),
  );
  const { low, high } = nationalDistinctRange(d);
  const range = d.proposedLinks > 0 ? t.range(n(low), n(high), n(d.proposedLinks)) : t.noProposed;
  return `<section class="report-section deduplication" id="section-deduplication">
<h2>${escapeHtml(t.dedupTitle(formatYear(d.year, lang)))}</h2>
<div class="dedup-tables">
<table class="dedup agencies">
<caption>${escapeHtml(t.personsRecorded)}</caption>
<thead><tr><th>${escapeHtml(t.agency)}</th><th class="num">${escapeHtml(t.persons)}</th></tr></thead>
<tbody>
${agencies.map(([a, v]) => `<tr data-agency="${escapeHtml(a)}"><th scope="row">${escapeHtml(agencyLabel(a, lang, config))}</th><td class="num">${escapeHtml(n(v))}</td></tr>`).join('\n')}
<tr class="total"><th scope="row">${escapeHtml(t.sumOfAgencies)}</th><td class="num">${escapeHtml(n(sum))}</td></tr>
</tbody>
</table>
<table class="dedup overlaps">
<caption>${escapeHtml(t.overlaps)}</caption>
<thead><tr><th>${escapeHtml(t.agency)}</th><th class="num">${escapeHtml(t.persons)}</th></tr></thead>
<tbody>
${overlaps.map(([k, v]) => `<tr data-overlap="${escapeHtml(k)}"><th scope="row">${escapeHtml(overlapLabel(k, lang, config))}</th><td class="num">${escapeHtml(n(v))}</td></tr>`).join('\n')}
</tbody>
</table>
</div>
<p class="national" data-field="national-distinct">${escapeHtml(t.nationalDistinct)}: <strong>${escapeHtml(n(d.nationalDistinct))}</strong>
(${escapeHtml(t.confirmedOnly(n(d.confirmedLinks)))}; ${escapeHtml(range)})</p>
</section>`;
}
