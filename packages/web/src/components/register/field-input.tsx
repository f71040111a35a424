import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import { useConfig } from '../../queries';
import { fieldLabel, optionLabel } from '../../registers/labels';
import { useRegisterRecords } from '../../registers/queries';
import { useRecordTitle } from '../../registers/names';
import type { FieldSpec } from '../../registers/types';
import { SelectField, TextAreaField, TextField } from '../field';
import { CountryField, OrgSelect, ProvinceSelect } from '../protection/config-fields';

interface Props {
  register: string;
  spec: FieldSpec;
  value: string | string[];
  onChange: (value: string | string[]) => void;
  error?: string | undefined;
  /** enumList: the codes offered (all the spec's options unless given), and those to mark. */
  options?: readonly string[] | undefined;
  marked?: ReadonlySet<string> | undefined;
  hint?: string | undefined;
}

/** One field of a register's form, the control chosen by the field's kind. */
export function RegisterFieldInput({ register, spec, value, onChange, error, options, marked, hint }: Props) {
  const { t } = useTranslation();
  const label = fieldLabel(register, spec.name, t) + (spec.required ? '' : ` ${t('(optional)')}`);
  const testId = `register-field-${spec.name}`;
  const text = typeof value === 'string' ? value : '';
  const list = Array.isArray(value) ? value : [];
  const common = { label, error, hint, 'data-testid': testId, name: spec.name };
  const placeholder = spec.required ? undefined : t('Not recorded');

  switch (spec.kind) {
    case 'longText':
      return <TextAreaField {...common} value={text} onChange={(e) => onChange(e.target.value)} maxLength={5000} />;
    case 'idList':
      return (
        <TextAreaField
          {...common}
          hint={hint ?? t('The record ids, one per line.')}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
        />
      );
    case 'date':
      return <TextField {...common} type="date" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'year':
    case 'integer':
    case 'amount':
    case 'decimal':
      return (
        <TextField
          {...common}
          inputMode={spec.kind === 'amount' || spec.kind === 'decimal' ? 'decimal' : 'numeric'}
          autoComplete="off"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'boolean':
      return (
        <SelectField {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder ?? t('Choose…')}</option>
          <option value="yes">{t('Yes')}</option>
          <option value="no">{t('No')}</option>
        </SelectField>
      );
    case 'enum':
      return (
        <SelectField {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder ?? t('Choose…')}</option>
          {(spec.options ?? []).map((code) => (
            <option key={code} value={code}>
              {optionLabel(spec.name, code, t)}
            </option>
          ))}
        </SelectField>
      );
    case 'enumList':
      return (
        <Checklist
          legend={label}
          testId={testId}
          error={error}
          hint={hint}
          items={(options ?? spec.options ?? []).map((code) => ({
            code,
            label: optionLabel(spec.name, code, t),
            marked: marked?.has(code) ?? false,
          }))}
          value={list}
          onChange={onChange}
        />
      );
    case 'organisation':
      return (
        <OrgSelect
          {...common}
          placeholder={placeholder}
          types={spec.organisationTypes}
          value={text}
          onChange={onChange}
        />
      );
    case 'province':
      return <ProvinceSelect {...common} placeholder={placeholder} value={text} onChange={onChange} />;
    case 'provinceList':
      return <ProvinceChecklist legend={label} testId={testId} error={error} value={list} onChange={onChange} />;
    case 'country':
      return <CountryField {...common} placeholder={placeholder} value={text} onChange={onChange} />;
    case 'reference':
      return <ReferenceSelect {...common} spec={spec} placeholder={placeholder} value={text} onChange={onChange} />;
    default:
      return (
        <TextField
          {...common}
          value={text}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

interface ChecklistProps {
  legend: string;
  testId: string;
  error?: string | undefined;
  hint?: string | undefined;
  items: { code: string; label: string; marked: boolean }[];
  value: string[];
  onChange: (codes: string[]) => void;
}

/** Several codes as checkboxes; each box is `${testId}-${code}`. */
function Checklist({ legend, testId, error, hint, items, value, onChange }: ChecklistProps) {
  const { t } = useTranslation();
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <fieldset className={`field field-wide checkboxes${error ? ' field-invalid' : ''}`} data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {items.length === 0 ? (
        !hint && <p className="muted">{t('Nothing to choose from yet.')}</p>
      ) : (
        <div className="checkbox-columns">
          {items.map((item) => (
            <label key={item.code} className="checkbox">
              <input
                type="checkbox"
                checked={value.includes(item.code)}
                onChange={(e) => toggle(item.code, e.target.checked)}
                data-testid={`${testId}-${item.code}`}
              />
              <span>
                {item.label}
                {item.marked && <span className="badge badge-debt-bondage register-mark">{t('Debt bondage')}</span>}
              </span>
            </label>
          ))}
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

function ProvinceChecklist(props: Omit<ChecklistProps, 'items'>) {
  const { i18n } = useTranslation();
  const provinces = useConfig().data?.provinces ?? [];
  const items = provinces.map((p) => ({ code: p.code, label: localName(p.name, i18n.language), marked: false }));
  return <Checklist {...props} items={items} />;
}

/** A record of another register, by its title (e.g. an establishment by its name), newest first. */
function ReferenceSelect({
  spec,
  value,
  onChange,
  placeholder,
  ...rest
}: {
  spec: FieldSpec;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  name: string;
  'data-testid': string;
}) {
  const { t } = useTranslation();
  const target = spec.register ?? '';
  const records = useRegisterRecords(target);
  const title = useRecordTitle(target);
  const found = records.data?.records ?? [];
  const missing = value !== '' && !found.some((r) => r.id === value);
  return (
    <SelectField {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{records.isPending ? t('Loading…') : (placeholder ?? t('Choose…'))}</option>
      {missing && <option value={value}>{value}</option>}
      {found.map((r) => (
        <option key={r.id} value={r.id}>
          {title(r)}
        </option>
      ))}
    </SelectField>
  );
}
