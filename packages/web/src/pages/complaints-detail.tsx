import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts } from '../components/case/section';
import { ComplaintDecisionForm } from '../components/complaint/decision-form';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../components/complaint/labels';
import { useComplaint } from '../components/complaint/queries';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { localName } from '../i18n';
import { label } from '../protection/labels';
import { useConfig, useCurrentUser } from '../queries';
import '../components/complaint/complaints.css';

/** One complaint for oversight: what was reported, the contact details if given, history, decision. */
export function ComplaintPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Corruption complaint'));
  const id = useParams().id ?? '';
  const user = useCurrentUser();
  const query = useComplaint(id);
  const provinces = useConfig().data?.provinces ?? [];

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data.complaint;
  const province = provinces.find((p) => p.code === c.province);
  const caseLink =
    c.criminalCaseId &&
    (user.actions.includes('criminal_case.read') ? (
      <Link to={`/criminal-cases/${c.criminalCaseId}`} data-testid="complaint-case-link">
        {t('View the criminal case')}
      </Link>
    ) : (
      c.criminalCaseId
    ));

  return (
    <section className="page case-page">
      <p>
        <Link to="/complaints">{t('← Corruption complaints')}</Link>
      </p>
      <div className="page-head">
        <h1>{label(COMPLAINT_CATEGORIES, c.category, t)}</h1>
        <span className={`badge badge-complaint-${c.status}`} data-testid="complaint-status" data-status={c.status}>
          {label(COMPLAINT_STATUSES, c.status, t)}
        </span>
      </div>
      <Facts
        items={[
          [t('Received on'), c.receivedOn],
          [t('Province'), province ? localName(province.name, i18n.language) : c.province],
          [t('Agency'), c.agency],
          [t('Outcome'), c.outcome && <span className="complaint-text">{c.outcome}</span>],
          [t('Criminal case'), caseLink],
          [
            t('Contact details'),
            c.contact ? (
              <span className="complaint-text" data-testid="complaint-contact">
                {c.contact}
              </span>
            ) : (
              t('Anonymous')
            ),
          ],
        ]}
      />
      <section className="complaint-description" aria-labelledby="complaint-description">
        <h2 id="complaint-description">{t('What was reported')}</h2>
        <p className="complaint-text panel" data-testid="complaint-description">
          {c.description}
        </p>
      </section>
      {user.actions.includes('complaint.manage') && <ComplaintDecisionForm complaint={c} />}
      <section aria-labelledby="complaint-history">
        <h2 id="complaint-history">{t('History')}</h2>
        <ol className="complaint-history" data-testid="complaint-history">
          {c.history.map((h) => (
            <li key={h.seq}>
              {h.recordedOn} · {label(COMPLAINT_STATUSES, h.status, t)} ·{' '}
              {h.recordedBy === 'public' ? t('by the reporter') : t('by oversight')}
              {h.outcome && <span className="complaint-text"> — {h.outcome}</span>}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}
