import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CaseActions } from '../components/case/actions';
import { ConsentsAndReferrals } from '../components/case/consents-referrals';
import { EventHistory } from '../components/case/history';
import { Facts } from '../components/case/section';
import { ServicesAndRepatriations } from '../components/case/services-repatriations';
import { CaseSummary } from '../components/case/summary';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { CASE_SOURCES, CASE_STATUSES, label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useCase } from '../protection/queries';
import { useCurrentUser } from '../queries';

/** One victim case: where it stands, the steps to record, and its history. */
export function CasePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const user = useCurrentUser();
  const names = useNames();
  const query = useCase(id);
  const record = query.data?.case;
  usePageTitle(record?.caseNumber ?? t('Case'));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const state = record?.state;
  const canWrite = user.actions.includes('case.write') && state?.status === 'open';

  return (
    <section className="page case-page">
      <p>
        <Link to="/cases">{t('← Cases')}</Link>
      </p>
      <div className="page-head">
        <h1 translate="no" data-testid="case-number">
          {record?.caseNumber ?? id}
        </h1>
        {state && (
          <span className={`badge badge-case-${state.status}`} data-testid="case-status">
            {label(CASE_STATUSES, state.status, t)}
          </span>
        )}
      </div>
      {state ? (
        <>
          <Facts
            items={[
              [t('Opened'), state.openedOn],
              [t('Source'), label(CASE_SOURCES, state.source, t)],
              [t('Organisation'), names.org(state.organisationId)],
              [t('Province'), names.province(state.province)],
              [
                t('Person'),
                record.personId && user.actions.includes('person.read') && (
                  <Link to={`/people/${record.personId}`} data-testid="case-person">
                    {t('View the person')}
                  </Link>
                ),
              ],
            ]}
          />
          {user.actions.includes('case.write') && <CaseActions caseId={id} state={state} />}
          <div className="case-grid">
            <CaseSummary state={state} />
            <ConsentsAndReferrals caseId={id} state={state} canWrite={canWrite} />
            <ServicesAndRepatriations caseId={id} state={state} canWrite={canWrite} />
          </div>
        </>
      ) : (
        <p>{t('The details of this case are not shown to your account.')}</p>
      )}
      {query.data.events.length > 0 && <EventHistory events={query.data.events} />}
    </section>
  );
}
