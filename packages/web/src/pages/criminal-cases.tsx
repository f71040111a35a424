import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OpenInvestigationForm } from '../components/criminal-case/open-investigation-form';
import { SelectField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { CRIMINAL_EXPLOITATION, STAGES } from '../prosecution/labels';
import { useCriminalCases } from '../prosecution/queries';
import { caseStage } from '../prosecution/stage';
import { label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useCurrentUser } from '../queries';

type StatusFilter = '' | 'open' | 'closed';

/** The criminal cases the user may read, and (for investigators) opening a new investigation. */
export function CriminalCasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('Criminal cases'));
  const names = useNames();
  const user = useCurrentUser();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [opening, setOpening] = useState(false);
  const cases = useCriminalCases(status);
  const canOpen = user.actions.includes('criminal_case.write');

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Criminal cases')}</h1>
        <SelectField
          label={t('Show')}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          data-testid="criminal-cases-status"
        >
          <option value="open">{t('Open cases')}</option>
          <option value="closed">{t('Closed cases')}</option>
          <option value="">{t('All cases')}</option>
        </SelectField>
      </div>
      {canOpen && !opening && (
        <p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => setOpening(true)}
            data-testid="open-investigation"
          >
            {t('Open an investigation')}
          </button>
        </p>
      )}
      {opening && <OpenInvestigationForm onDone={() => setOpening(false)} />}
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorPanel error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && cases.data.cases.length === 0 && <p data-testid="criminal-cases-empty">{t('No cases.')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <table className="table" data-testid="criminal-cases-table">
          <caption className="visually-hidden">{t('Criminal cases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Case number')}</th>
              <th scope="col">{t('Lead unit')}</th>
              <th scope="col">{t('Opened')}</th>
              <th scope="col">{t('Trafficking offence')}</th>
              <th scope="col">{t('Exploitation')}</th>
              <th scope="col">{t('Suspects')}</th>
              <th scope="col">{t('Stage')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.cases.map((c) => (
              <tr key={c.id} data-testid={`criminal-case-row-${c.caseNumber}`}>
                <td data-label={t('Case number')}>
                  <Link to={`/criminal-cases/${c.id}`} translate="no" data-testid="criminal-case-link">
                    {c.caseNumber}
                  </Link>
                </td>
                <td data-label={t('Lead unit')}>{names.org(c.state.leadUnitOrganisationId)}</td>
                <td data-label={t('Opened')}>{c.state.openedOn}</td>
                <td data-label={t('Trafficking offence')}>{c.state.traffickingOffence ? t('Yes') : t('No')}</td>
                <td data-label={t('Exploitation')}>{label(CRIMINAL_EXPLOITATION, c.state.exploitation, t)}</td>
                <td data-label={t('Suspects')}>{c.state.suspects.length.toLocaleString()}</td>
                <td data-label={t('Stage')}>
                  <span className={`badge badge-stage-${caseStage(c.state)}`}>
                    {label(STAGES, caseStage(c.state), t)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
