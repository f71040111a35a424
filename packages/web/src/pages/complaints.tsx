import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../components/complaint/labels';
import { useComplaints } from '../components/complaint/queries';
import type { ComplaintStatus } from '../components/complaint/types';
import { SelectField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { localName } from '../i18n';
import { label } from '../protection/labels';
import { useConfig } from '../queries';
import '../components/complaint/complaints.css';

/** Oversight's list of corruption complaints from the public, newest first, by status. */
export function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Corruption complaints'));
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const complaints = useComplaints(status);
  const provinces = useConfig().data?.provinces ?? [];
  const provinceName = (code: string | null) => {
    const p = provinces.find((x) => x.code === code);
    return p ? localName(p.name, i18n.language) : (code ?? '');
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Corruption complaints')}</h1>
      </div>
      <p className="complaint-intro">
        {t('Filed by the public without an account. Reporters follow their complaint with a receipt code.')}
      </p>
      <div className="form-grid">
        <SelectField
          label={t('Status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as ComplaintStatus | '')}
          data-testid="complaints-status-filter"
        >
          <option value="">{t('All statuses')}</option>
          {Object.entries(COMPLAINT_STATUSES).map(([code, key]) => (
            <option key={code} value={code}>
              {t(key)}
            </option>
          ))}
        </SelectField>
      </div>
      {complaints.isPending && <Loading />}
      {complaints.isError && <ErrorPanel error={complaints.error} onRetry={() => void complaints.refetch()} />}
      {complaints.data && complaints.data.complaints.length === 0 && (
        <p data-testid="complaints-empty">{t('No complaints.')}</p>
      )}
      {complaints.data && complaints.data.complaints.length > 0 && (
        <table className="table" data-testid="complaints-table">
          <caption className="visually-hidden">{t('Corruption complaints')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Received on')}</th>
              <th scope="col">{t('Category')}</th>
              <th scope="col">{t('Province')}</th>
              <th scope="col">{t('Agency')}</th>
              <th scope="col">{t('Status')}</th>
              <th scope="col">{t('Contact details')}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.data.complaints.map((c) => (
              <tr key={c.id} data-testid="complaint-row" data-id={c.id}>
                <td data-label={t('Received on')}>
                  <Link to={`/complaints/${c.id}`} data-testid="complaint-link">
                    {c.receivedOn}
                  </Link>
                </td>
                <td data-label={t('Category')}>{label(COMPLAINT_CATEGORIES, c.category, t)}</td>
                <td data-label={t('Province')}>{provinceName(c.province)}</td>
                <td data-label={t('Agency')}>{c.agency}</td>
                <td data-label={t('Status')}>
                  <span className={`badge badge-complaint-${c.status}`}>{label(COMPLAINT_STATUSES, c.status, t)}</span>
                </td>
                <td data-label={t('Contact details')}>{c.hasContact ? t('Given') : t('Anonymous')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
