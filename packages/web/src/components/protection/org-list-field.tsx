import { useTranslation } from 'react-i18next';
import { useNames } from '../../protection/names';
import { OrgSelect } from './config-fields';

interface Props {
  label: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  'data-testid'?: string;
}

/** Several organisations: choosing one in the select adds it; each can be removed again. */
export function OrgListField({ label, value, onChange, error, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <div className="field-wide org-list">
      <OrgSelect
        label={label}
        placeholder={t('Add an organisation…')}
        value=""
        exclude={value}
        onChange={(id) => id && onChange([...value, id])}
        error={error}
        data-testid={testId}
      />
      {value.length > 0 && (
        <ul className="chips" data-testid={testId ? `${testId}-chosen` : undefined}>
          {value.map((id) => (
            <li key={id} className="chip">
              <span>{names.org(id)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('Remove {{name}}', { name: names.org(id) })}
                onClick={() => onChange(value.filter((x) => x !== id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
