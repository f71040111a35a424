import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { localName } from '../i18n';
import { useConfig } from '../queries';
import type { SessionUser } from '../types';
import { LangSwitch } from './lang-switch';
import { visibleNavItems } from './nav-items';
import { useSignOut } from './sign-out';

/** The signed-in frame: header with brand, navigation by the user's actions, user menu. */
export function Layout({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const config = useConfig().data;
  const signOut = useSignOut();
  const lang = i18n.language;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('Skip to main content')}
      </a>
      <header className="app-header">
        <div className="header-top">
          <Link to="/" className="brand">
            <span className="brand-mark">CTIS</span>
            <span className="brand-name">
              {config ? localName(config.name, lang) : t('Counter-Trafficking Information System')}
            </span>
          </Link>
          <div className="header-tools">
            <LangSwitch />
            <div className="user-menu" data-testid="user-menu">
              <span className="user-name">{user.displayName}</span>
              <span className="user-org">{localName(user.organisation.name, lang)}</span>
            </div>
            <button
              type="button"
              className="button"
              data-testid="logout"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate()}
            >
              {t('Sign out')}
            </button>
          </div>
        </div>
        <nav className="app-nav" aria-label={t('Main')}>
          <ul>
            {visibleNavItems(user.actions).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} data-testid={item.testId}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
