/** Selects filled from the country configuration: organisations, provinces, countries. */
import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import { label, ORGANISATION_TYPES } from '../../protection/labels';
import { useConfig } from '../../queries';
import { SelectField, TextField } from '../field';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  /** The first, empty option's text ("Choose…" when not given). */
  placeholder?: string;
};

/**
 * An organisation, grouped by type and sorted by name in the current language; `types` keeps only
 * organisations of those types (e.g. prosecutors).
 */
export function OrgSelect({
  value,
  onChange,
  exclude = [],
  types: only,
  placeholder,
  ...rest
}: Props & { exclude?: string[]; types?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const organisations = (useConfig().data?.organisations ?? []).filter(
    (o) => !exclude.includes(o.id) && (!only || only.includes(o.type)),
  );
  const types = [...new Set(organisations.map((o) => o.type))].sort(
    (a, b) => Object.keys(ORGANISATION_TYPES).indexOf(a) - Object.keys(ORGANISATION_TYPES).indexOf(b),
  );
  return (
    <SelectField value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{placeholder ?? t('Choose…')}</option>
      {types.map((type) => (
        <optgroup key={type} label={label(ORGANISATION_TYPES, type, t)}>
          {organisations
            .filter((o) => o.type === type)
            .sort((a, b) => localName(a.name, lang).localeCompare(localName(b.name, lang), lang))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {localName(o.name, lang)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

export function ProvinceSelect({ value, onChange, placeholder, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const provinces = useConfig().data?.provinces ?? [];
  return (
    <SelectField value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{placeholder ?? t('Choose…')}</option>
      {provinces.map((p) => (
        <option key={p.code} value={p.code}>
          {localName(p.name, i18n.language)}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * A country (ISO 3166-1 alpha-3): a select of the configured countries (`withHome` adds the
 * country itself, first) when the server lists them, else a three-letter code box.
 */
export function CountryField({
  value,
  onChange,
  placeholder,
  withHome = false,
  ...rest
}: Props & { withHome?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const config = useConfig().data;
  if (!config?.countries) {
    const { label: text, error, hint, id, disabled, ...other } = rest;
    return (
      <TextField
        label={text}
        error={error}
        hint={hint ?? t('Three capital letters (ISO 3166-1 alpha-3).')}
        id={id}
        disabled={disabled}
        value={value}
        maxLength={3}
        autoCapitalize="characters"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value.toUpperCase())}
        data-testid={(other as Record<string, unknown>)['data-testid'] as string | undefined}
      />
    );
  }
  const countries = [...config.countries].sort((a, b) =>
    localName(a.name, lang).localeCompare(localName(b.name, lang), lang),
  );
  return (
    <SelectField value={value} onChange={(e) => onChange(e.target.value)} {...rest}>
      <option value="">{placeholder ?? t('Choose…')}</option>
      {withHome && <option value={config.country}>{localName(config.name, lang)}</option>}
      {countries.map((c) => (
        <option key={c.code} value={c.code}>
          {localName(c.name, lang)}
        </option>
      ))}
    </SelectField>
  );
}
