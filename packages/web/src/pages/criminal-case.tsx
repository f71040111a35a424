import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EventHistory } from '../components/case/history';
import { CriminalCaseActions } from '../components/criminal-case/actions';
import { criminalDescriber } from '../components/criminal-case/history';
import { CriminalCaseFacts, CriminalCaseSections } from '../components/criminal-case/summary';
import { SuspectsTable } from '../components/criminal-case/suspects-table';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { CRIMINAL_EVENT_TYPES } from '../prosecution/labels';
import { useCriminalCase } from '../prosecution/queries';
import { CASE_STATUSES, label } from '../protection/labels';

/** One criminal case: what it is, its suspects, the steps to record, and its history. */
export function CriminalCasePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const query = useCriminalCase(id);
  const record = query.data?.case;
  usePageTitle(record?.caseNumber ?? t('Criminal case'));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const { case: found, events } = query.data;
  const { state } = found;
  const canWrite = found.allowedActions.includes('criminal_case.write') && state.status === 'open';

  return (
    <section className="page case-page">
      <p>
        <Link to="/criminal-cases">{t('← Criminal cases')}</Link>
      </p>
      <div className="page-head">
        <h1 translate="no" data-testid="criminal-case-number">
          {found.caseNumber}
        </h1>
        <span className={`badge badge-case-${state.status}`} data-testid="criminal-case-status">
          {label(CASE_STATUSES, state.status, t)}
        </span>
      </div>
      <CriminalCaseFacts record={found} />
      {canWrite && <CriminalCaseActions caseId={id} record={found} />}
      <SuspectsTable record={found} />
      <div className="case-grid">
        <CriminalCaseSections record={found} />
      </div>
      {events.length > 0 && (
        <EventHistory events={events} types={CRIMINAL_EVENT_TYPES} describe={criminalDescriber(state)} />
      )}
    </section>
  );
}
