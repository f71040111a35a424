import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { CASE_STATUSES, IDENTIFICATION, label } from '../protection/labels';
import { useNames } from '../protection/names';
import { useCases } from '../protection/queries';

type StatusFilter = '' | 'open' | 'closed';

/** The victim cases the user may read, most recently changed first. */
export function CasesPage() {
  const { t } = useTranslation();
  usePageTitle(t('Cases'));
  const names = useNames();
  const [status, setStatus] = useState<StatusFilter>('open');
  const cases = useCases(status);

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Cases')}</h1>
        <SelectField
          label={t('Show')}
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          data-testid="cases-status"
        >
          <option value="open">{t('Open cases')}</option>
          <option value="closed">{t('Closed cases')}</option>
          <option value="">{t('All cases')}</option>
        </SelectField>
      </div>
      {cases.isPending && <Loading />}
      {cases.isError && <ErrorPanel error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.data && cases.data.cases.length === 0 && <p data-testid="cases-empty">{t('No cases.')}</p>}
      {cases.data && cases.data.cases.length > 0 && (
        <table className="table" data-testid="cases-table">
          <caption className="visually-hidden">{t('Cases')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Case number')}</th>
              <th scope="col">{t('Status')}</th>
              <th scope="col">{t('Identification')}</th>
              <th scope="col">{t('Opened')}</th>
              <th scope="col">{t('Organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.cases.map((c) => (
              <tr key={c.id} data-testid={`case-row-${c.caseNumber ?? c.id}`}>
                <td data-label={t('Case number')}>
                  <Link to={`/cases/${c.id}`} translate="no" data-testid="case-link">
                    {c.caseNumber ?? c.id}
                  </Link>
                </td>
                <td data-label={t('Status')}>
                  {c.state && (
                    <span className={`badge badge-case-${c.state.status}`}>
                      {label(CASE_STATUSES, c.state.status, t)}
                    </span>
                  )}
                </td>
                <td data-label={t('Identification')}>{label(IDENTIFICATION, c.state?.identification.status, t)}</td>
                <td data-label={t('Opened')}>{c.state?.openedOn ?? ''}</td>
                <td data-label={t('Organisation')}>{names.org(c.state?.organisationId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
