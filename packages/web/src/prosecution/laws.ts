import { useTranslation } from 'react-i18next';
import { localName } from '../i18n';
import { useConfig } from '../queries';

/** How a charged article is written: `<law id>:<article number>`. */
export const articleRef = (lawId: string, article: string) => `${lawId}:${article}`;

/** The law and the article of a reference ("law-2008:15"); a reference without a law is all article. */
export function parseArticleRef(ref: string): { lawId: string; article: string } {
  const at = ref.lastIndexOf(':');
  return at > 0 ? { lawId: ref.slice(0, at), article: ref.slice(at + 1) } : { lawId: '', article: ref };
}

/** The configured laws (when the server lists them) and a law's name in the current language. */
export function useLaws() {
  const { t, i18n } = useTranslation();
  const laws = useConfig().data?.laws;
  const lawName = (id: string) => localName(laws?.find((l) => l.id === id)?.name, i18n.language) || id;
  return {
    laws,
    lawName,
    /** Charged articles, by law: "Criminal Code, article 284; Law on …, article 15, 16". */
    describeArticles: (refs: readonly string[]) => {
      const byLaw = new Map<string, string[]>();
      for (const { lawId, article } of refs.map(parseArticleRef))
        byLaw.set(lawId, [...(byLaw.get(lawId) ?? []), article]);
      return [...byLaw]
        .map(([lawId, articles]) =>
          lawId
            ? t('{{law}}, article {{article}}', { law: lawName(lawId), article: articles.join(', ') })
            : articles.join(', '),
        )
        .join('; ');
    },
  };
}
