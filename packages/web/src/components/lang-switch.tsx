import { useTranslation } from 'react-i18next';
import { chooseLanguage, NATIVE_NAMES } from '../i18n';

/** Switches between Khmer and English; labelled with the other language's own name. */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'km' ? 'en' : 'km';
  return (
    <button
      type="button"
      className="button lang-switch"
      data-testid="lang-switch"
      lang={next}
      title={t('Change language')}
      onClick={() => chooseLanguage(next)}
    >
      {NATIVE_NAMES[next]}
    </button>
  );
}
