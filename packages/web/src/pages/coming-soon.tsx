import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/page-title';

/** Placeholder for sections built later (cases, people, statistics, audit). */
export function ComingSoonPage({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(t(title));
  return (
    <section className="page">
      <h1>{t(title)}</h1>
      <p className="muted" data-testid="coming-soon">
        {t('Coming soon')}
      </p>
    </section>
  );
}
