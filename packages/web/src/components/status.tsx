import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem';
import { usePageTitle } from './page-title';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('Loading…')}
    </p>
  );
}

export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <p>{problemMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('Try again')}
        </button>
      )}
    </div>
  );
}

export function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('No access'));
  return (
    <section className="page">
      <h1>{t('No access')}</h1>
      <p>{t('Your account does not have access to this page.')}</p>
    </section>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('Page not found'));
  return (
    <section className="page">
      <h1>{t('Page not found')}</h1>
      <p>{t('There is no page at this address.')}</p>
    </section>
  );
}
