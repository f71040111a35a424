/** Names for a register's values: organisations, provinces and countries from the configuration, and other registers' records. */
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNames } from '../protection/names';
import { formatValue, titleFields, type FormatContext } from './format';
import { recordsQuery, useRegisterDefinitions } from './queries';
import type { RegisterInfo, RegisterRecord } from './types';

/** The label of one record in a list of another register: its title field, formatted (e.g. an establishment's name). */
export function recordTitle(register: RegisterInfo | undefined, record: RegisterRecord, ctx: FormatContext): string {
  const parts = (register ? titleFields(register) : []).map((name) =>
    formatValue(
      register!.fields.find((f) => f.name === name),
      name,
      record.data[name],
      ctx,
    ),
  );
  return parts.filter(Boolean).join(' · ') || record.id.slice(0, 8);
}

/** `title(record)` for records of `register`. */
export function useRecordTitle(register: string) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const definition = useRegisterDefinitions().data?.registers.find((r) => r.id === register);
  return (record: RegisterRecord) => recordTitle(definition, record, { t, lang: i18n.language, names });
}

/**
 * The format context of `register`'s values, with the records its reference fields point to
 * (read from their registers, when the user may read them) named by their title.
 */
export function useFormatContext(register: RegisterInfo | undefined): FormatContext {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const definitions = useRegisterDefinitions().data?.registers ?? [];
  const targets = [
    ...new Set(
      (register?.fields ?? [])
        .filter((f) => f.kind === 'reference' && f.register && definitions.some((d) => d.id === f.register))
        .map((f) => f.register!),
    ),
  ];
  const results = useQueries({ queries: targets.map(recordsQuery) });
  const base: FormatContext = {
    t,
    lang: i18n.language,
    names: { org: names.org, province: names.province, country: names.country },
  };
  const reference = (target: string, id: string) => {
    const index = targets.indexOf(target);
    const record = index >= 0 ? results[index]?.data?.records.find((r) => r.id === id) : undefined;
    return record
      ? recordTitle(
          definitions.find((d) => d.id === target),
          record,
          base,
        )
      : undefined;
  };
  return { ...base, names: { ...base.names, reference } };
}
