/**
 * Date and time in the UI language. Browsers without Khmer locale data (Chromium's trimmed ICU
 * falls back to English month names) get an unambiguous numeric form instead: 2026-11-28 16:42.
 */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const supported = Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0;
  const resolved = supported ? new Intl.DateTimeFormat(lang).resolvedOptions().locale : '';
  if (resolved.split('-')[0] === lang) {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
