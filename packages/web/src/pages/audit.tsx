import { useTranslation } from 'react-i18next';
import { AuditLog } from '../components/audit/audit-log';
import { BreakGlassList } from '../components/audit/break-glass-list';
import { VerifyChain } from '../components/audit/verify-chain';
import { usePageTitle } from '../components/page-title';
import { useCurrentUser } from '../queries';

/** Oversight: the audit trail, its verification and break-glass review, each for those allowed. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('Audit'));
  const { actions } = useCurrentUser();
  return (
    <section className="page">
      <h1>{t('Audit')}</h1>
      {actions.includes('audit.verify') && <VerifyChain />}
      {actions.includes('breakglass.review') && <BreakGlassList />}
      {actions.includes('audit.read') && (
        <div data-testid="audit-log">
          <h2>{t('Recent entries')}</h2>
          <AuditLog />
        </div>
      )}
    </section>
  );
}
