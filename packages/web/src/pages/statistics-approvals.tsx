import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../components/field';
import { formatDateTime } from '../components/format';
import { usePageTitle } from '../components/page-title';
import { problemMessage } from '../components/problem';
import { ErrorPanel, Loading } from '../components/status';
import { StatsTabs, useYearProvince, YearSelect } from '../components/statistics/controls';
import { useConfig, useCurrentUser } from '../queries';
import { provinceName, SNAPSHOT_STATUS } from '../statistics/labels';
import { useApproveFigures, useSnapshots } from '../statistics/queries';
import '../statistics/statistics.css';

/**
 * Province to national: a provincial committee approves its province's figures for a year (frozen
 * as a snapshot); the national secretariat opens each and accepts it. Later changes to the records
 * show on the snapshot's page as differences, never as silent edits.
 */
export function StatisticsApprovalsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Approvals'));
  const user = useCurrentUser();
  const config = useConfig().data;
  const navigate = useNavigate();
  const { year, setYear } = useYearProvince();
  const snapshots = useSnapshots(year);
  const approve = useApproveFigures();
  const canApprove = user.actions.includes('stats.approve');
  const canAccept = user.actions.includes('stats.accept');
  const ownProvince = config?.organisations.find((o) => o.id === user.organisation.id)?.province;
  const lang = i18n.language;

  return (
    <section className="page stats-page">
      <div className="page-head">
        <h1>{t('Approvals')}</h1>
      </div>
      <StatsTabs />
      <p className="muted">
        {t(
          'A provincial committee approves its figures for a year; they are frozen as a snapshot. The national committee accepts them. Later changes to the records appear as differences against the snapshot.',
        )}
      </p>
      <div className="stats-filters">
        <YearSelect value={year} onChange={setYear} testId="approvals-year" />
      </div>
      {canApprove && (
        <div className="panel notice" data-testid="approve-panel">
          <h2>
            {ownProvince
              ? t('Approve the figures of {{province}} for {{year}}', {
                  province: provinceName(config, ownProvince, lang),
                  year,
                })
              : t('Approve your province’s figures for {{year}}', { year })}
          </h2>
          <p>
            {t(
              'The figures as the records give them now are frozen. Check them on the annual report page before you approve.',
            )}
          </p>
          {approve.isError && <Alert testId="approve-error">{problemMessage(approve.error, t)}</Alert>}
          <button
            type="button"
            className="button button-primary"
            disabled={approve.isPending}
            onClick={() =>
              approve.mutate(year, {
                onSuccess: ({ snapshot }) => void navigate(`/statistics/approvals/${snapshot.id}?year=${year}`),
              })
            }
            data-testid="approve-submit"
          >
            {approve.isPending ? t('Approving…') : t('Approve the figures for {{year}}', { year })}
          </button>
        </div>
      )}
      {canAccept && (
        <p className="alert alert-info">
          {t('Open a province’s approved figures to check the differences and accept them.')}
        </p>
      )}
      <h2>{t('Approved figures, {{year}}', { year })}</h2>
      {snapshots.isPending && <Loading />}
      {snapshots.isError && <ErrorPanel error={snapshots.error} onRetry={() => void snapshots.refetch()} />}
      {snapshots.data && snapshots.data.snapshots.length === 0 && (
        <p data-testid="snapshots-empty">{t('No province has approved its figures for {{year}} yet.', { year })}</p>
      )}
      {snapshots.data && snapshots.data.snapshots.length > 0 && (
        <table className="table" data-testid="snapshots-table">
          <caption className="visually-hidden">{t('Approved figures, {{year}}', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Province')}</th>
              <th scope="col">{t('Status')}</th>
              <th scope="col">{t('Approved on')}</th>
              <th scope="col">{t('Accepted on')}</th>
              <th scope="col">{t('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.data.snapshots.map((s) => (
              <tr key={s.id} data-testid="snapshot-row" data-status={s.status}>
                <td data-label={t('Province')}>{provinceName(config, s.province, lang)}</td>
                <td data-label={t('Status')}>
                  <span className={`badge badge-snapshot-${s.status}`}>{t(SNAPSHOT_STATUS[s.status])}</span>
                </td>
                <td data-label={t('Approved on')}>{formatDateTime(s.approvedAt, lang)}</td>
                <td data-label={t('Accepted on')}>{s.acceptedAt ? formatDateTime(s.acceptedAt, lang) : '—'}</td>
                <td data-label={t('Actions')}>
                  <Link to={`/statistics/approvals/${s.id}?year=${year}`} data-testid="snapshot-link">
                    {canAccept && s.status === 'approved' ? t('Check and accept') : t('Open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
