export type { AnnualReport, ReportFigure, ReportFigureValue, ReportLang, ReportSection } from './types.ts';
export type { ReportConfig } from './texts.ts';
export { renderReportHtml } from './html.ts';
export { renderReportPdf, launchReportBrowser, chromiumPath } from './pdf.ts';
export { renderReportXlsx } from './xlsx.ts';
export { renderReportCsv, CSV_COLUMNS } from './csv.ts';
export { reportRows, nationalDistinctRange, type ReportRow } from './rows.ts';
