import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import { useConfig } from '../../queries';

interface Props {
  /** The code list of the configuration, e.g. "sectors". */
  list: string;
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  /** Each box is `${testId}-${code}`. */
  testId: string;
}

/** Several codes of a configured code list, as checkboxes with labels in the current language. */
export function CodeChecklist({ list, legend, value, onChange, error, testId }: Props) {
  const { t, i18n } = useTranslation();
  const items = useConfig().data?.codeLists?.[list];
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <fieldset
      className={`field field-wide checkboxes code-checklist${error ? ' field-invalid' : ''}`}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {items ? (
        <div className="checkbox-columns">
          {items.map((item) => (
            <label key={item.code} className="checkbox">
              <input
                type="checkbox"
                checked={value.includes(item.code)}
                onChange={(e) => toggle(item.code, e.target.checked)}
                data-testid={`${testId}-${item.code}`}
              />
              <span>{localName(item.label, i18n.language)}</span>
            </label>
          ))}
        </div>
      ) : (
        <p className="muted">{t('The server does not list these codes yet.')}</p>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
