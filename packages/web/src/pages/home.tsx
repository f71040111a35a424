import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleNavItems } from '../components/nav-items';
import { usePageTitle } from '../components/page-title';
import { WorkQueue } from '../components/work-queue';
import { localName } from '../i18n';
import { useCurrentUser } from '../queries';

export function HomePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Home'));
  const user = useCurrentUser();
  const sections = visibleNavItems(user.actions).filter((item) => item.to !== '/');

  return (
    <section className="page">
      <h1 data-testid="home-welcome">{t('Welcome, {{name}}', { name: user.displayName })}</h1>
      <p className="muted">{localName(user.organisation.name, i18n.language)}</p>
      {!user.mfaEnabled && (
        <p className="alert alert-info">
          {t('Two-step sign-in is not set up for your account. Ask your administrator.')}
        </p>
      )}
      {(user.actions.includes('case.write') || user.actions.includes('criminal_case.read')) && <WorkQueue />}
      {sections.length > 0 ? (
        <ul className="cards">
          {sections.map((item) => (
            <li key={item.to}>
              <Link className="card" to={item.to}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('No sections are open to your account yet.')}</p>
      )}
    </section>
  );
}
