import { useTranslation } from 'react-i18next';
import { localName } from '../i18n';
import { useConfig } from '../queries';

/** Names from the country configuration, in the current language; an unknown code shows as itself. */
export function useNames() {
  const { i18n } = useTranslation();
  const config = useConfig().data;
  const lang = i18n.language;
  return {
    org: (id: string | null | undefined) =>
      id ? localName(config?.organisations.find((o) => o.id === id)?.name, lang) || id : '',
    province: (code: string | null | undefined) =>
      code ? localName(config?.provinces.find((p) => p.code === code)?.name, lang) || code : '',
    country: (code: string | null | undefined) => {
      if (!code) return '';
      if (config && code === config.country) return localName(config.name, lang) || code;
      return localName(config?.countries?.find((c) => c.code === code)?.name, lang) || code;
    },
    code: (list: string, code: string) =>
      localName(config?.codeLists?.[list]?.find((c) => c.code === code)?.label, lang) || code,
  };
}
