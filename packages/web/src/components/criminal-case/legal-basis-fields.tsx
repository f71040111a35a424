import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import { useLaws } from '../../prosecution/laws';
import { SelectField, TextField } from '../field';

export interface LegalBasis {
  lawId: string;
  article: string;
}

interface Props {
  value: LegalBasis;
  onChange: (value: LegalBasis) => void;
  lawError?: string | undefined;
  articleError?: string | undefined;
}

/**
 * The law and article a case is opened under: selects of the configured laws when the server lists
 * them, else two text boxes (the law's id in the configuration, and the article number).
 */
export function LegalBasisFields({ value, onChange, lawError, articleError }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { laws } = useLaws();
  if (!laws || laws.length === 0) {
    return (
      <>
        <TextField
          label={t('Law')}
          hint={t('The law’s id in the country configuration.')}
          spellCheck={false}
          value={value.lawId}
          onChange={(e) => onChange({ ...value, lawId: e.target.value })}
          error={lawError}
          data-testid="legal-basis-law"
        />
        <TextField
          label={t('Article')}
          value={value.article}
          onChange={(e) => onChange({ ...value, article: e.target.value })}
          error={articleError}
          data-testid="legal-basis-article"
        />
      </>
    );
  }
  const law = laws.find((l) => l.id === value.lawId);
  return (
    <>
      <SelectField
        label={t('Law')}
        value={value.lawId}
        onChange={(e) => onChange({ lawId: e.target.value, article: '' })}
        error={lawError}
        data-testid="legal-basis-law"
      >
        <option value="">{t('Choose…')}</option>
        {laws.map((l) => (
          <option key={l.id} value={l.id}>
            {localName(l.name, lang)}
            {l.year ? ` (${l.year})` : ''}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('Article')}
        value={value.article}
        disabled={!law}
        onChange={(e) => onChange({ ...value, article: e.target.value })}
        error={articleError}
        data-testid="legal-basis-article"
      >
        <option value="">{t('Choose…')}</option>
        {law?.articles.map((a) => (
          <option key={a.number} value={a.number}>
            {t('Article {{number}}: {{title}}', { number: a.number, title: localName(a.title, lang) })}
          </option>
        ))}
      </SelectField>
    </>
  );
}
