import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from '../i18n';
import { useConfig } from '../queries';
import { LangSwitch } from './lang-switch';

/** The frame of the pages used before signing in: brand, language switch, one card. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const config = useConfig().data;
  return (
    <div className="auth">
      <div className="auth-top">
        <LangSwitch />
      </div>
      <main className="auth-card" id="main">
        <p className="auth-brand">
          <span className="brand-mark">CTIS</span>
          <span>{t('Counter-Trafficking Information System')}</span>
        </p>
        {config && <p className="auth-country">{localName(config.name, i18n.language)}</p>}
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
