import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReceiptPanel } from '../components/complaint/receipt';
import { ReportForm } from '../components/complaint/report-form';
import { StatusCheck } from '../components/complaint/status-check';
import { LangSwitch } from '../components/lang-switch';
import { usePageTitle } from '../components/page-title';
import { localName } from '../i18n';
import { useConfig } from '../queries';
import '../components/complaint/complaints.css';

/**
 * The public page for reporting corruption, reachable without signing in: the complaint form, the
 * receipt code shown once, and a status check by receipt code. The calls send no cookie.
 */
export function ReportCorruptionPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Report corruption'));
  const config = useConfig().data;
  // Held in memory only, until the reporter confirms they wrote it down (or leaves the page).
  const [receipt, setReceipt] = useState<string | null>(null);

  return (
    <div className="auth complaint-public">
      <div className="auth-top">
        <LangSwitch />
      </div>
      <main className="auth-card" id="main">
        <p className="auth-brand">
          <span className="brand-mark">CTIS</span>
          <span>{t('Counter-Trafficking Information System')}</span>
        </p>
        {config && <p className="auth-country">{localName(config.name, i18n.language)}</p>}
        <h1>{t('Report corruption')}</h1>
        <p className="complaint-intro">
          {t(
            'Report an official who takes bribes, extorts, protects traffickers, leaks operations or obstructs justice. You do not need an account.',
          )}
        </p>
        <p className="complaint-intro">
          {t(
            'We do not record your internet address, your device or your name. Give contact details only if you want to be contacted.',
          )}
        </p>
        {receipt ? (
          <ReceiptPanel receipt={receipt} onDone={() => setReceipt(null)} />
        ) : (
          <ReportForm onReceipt={setReceipt} />
        )}
      </main>
      <section className="auth-card">
        <StatusCheck />
      </section>
      <p className="auth-help">
        <Link to="/login">{t('Staff sign-in')}</Link>
      </p>
    </div>
  );
}
