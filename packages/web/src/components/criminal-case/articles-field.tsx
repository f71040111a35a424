import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import { articleRef, useLaws } from '../../prosecution/laws';
import { TextField } from '../field';

interface Props {
  /** Article references, `<law id>:<article>`. */
  value: string[];
  onChange: (refs: string[]) => void;
  error?: string | undefined;
}

/**
 * The articles charged: checkboxes of each configured law's articles when the server lists the
 * laws, else a text box of references separated by commas.
 */
export function ArticlesField({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const { laws } = useLaws();
  if (!laws || laws.length === 0) {
    return (
      <TextField
        label={t('Articles charged')}
        hint={t('Law id and article, separated by commas, e.g. law-2008:15, law-2008:16.')}
        spellCheck={false}
        value={value.join(', ')}
        onChange={(e) => onChange(e.target.value.split(',').map((a) => a.trim()))}
        error={error}
        data-testid="charge-articles"
      />
    );
  }
  const toggle = (ref: string, on: boolean) => onChange(on ? [...value, ref] : value.filter((r) => r !== ref));
  return (
    <fieldset className={`field field-wide checkboxes${error ? ' field-invalid' : ''}`} data-testid="charge-articles">
      <legend>{t('Articles charged')}</legend>
      {laws.map((law) => (
        <div key={law.id} className="law-articles">
          <p className="field-hint">{localName(law.name, i18n.language)}</p>
          <div className="checkbox-columns">
            {law.articles.map((a) => {
              const ref = articleRef(law.id, a.number);
              return (
                <label key={ref} className="checkbox">
                  <input
                    type="checkbox"
                    checked={value.includes(ref)}
                    onChange={(e) => toggle(ref, e.target.checked)}
                    data-testid={`charge-article-${ref}`}
                  />
                  <span>
                    {t('Article {{number}}: {{title}}', {
                      number: a.number,
                      title: localName(a.title, i18n.language),
                    })}
                  </span>
                </label>
              );
            })}
          </div>
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
