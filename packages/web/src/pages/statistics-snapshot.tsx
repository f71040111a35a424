import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../components/field';
import { formatDateTime } from '../components/format';
import { usePageTitle } from '../components/page-title';
import { problemMessage } from '../components/problem';
import { ErrorPanel, Loading } from '../components/status';
import { StatsTabs } from '../components/statistics/controls';
import { useConfig, useCurrentUser } from '../queries';
import { figureLabel, formatValue, provinceName, SNAPSHOT_STATUS } from '../statistics/labels';
import { useAcceptFigures, useAnnualReport, useSnapshot } from '../statistics/queries';
import type { ReportFigure, Snapshot } from '../statistics/types';
import '../statistics/statistics.css';

const YEAR = /^\d{4}$/;

/**
 * One province's approved figures: frozen as they were approved, the differences the records show
 * since (figure, year, value in the snapshot, value now), and for the national secretariat, accept.
 */
export function StatisticsSnapshotPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Approved figures'));
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const config = useConfig().data;
  const query = useSnapshot(id);
  const accept = useAcceptFigures(id);
  const snapshot = query.data?.snapshot;
  // The figures' names (the same in any province's report): from the report of that year.
  const labels = useAnnualReport(snapshot?.year ?? 0, '', snapshot !== undefined).data?.figures ?? [];
  const lang = i18n.language;
  const name = (figureId: string) =>
    figureLabel(
      labels.find((f) => f.id === figureId),
      lang,
      figureId,
    );

  return (
    <section className="page stats-page">
      <p>
        <Link to={`/statistics/approvals${snapshot ? `?year=${snapshot.year}` : ''}`}>← {t('Approvals')}</Link>
      </p>
      <StatsTabs />
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {snapshot && query.data && (
        <>
          <div className="page-head">
            <h1 data-testid="snapshot-title">
              {t('Figures of {{province}} for {{year}}', {
                province: provinceName(config, snapshot.province, lang),
                year: snapshot.year,
              })}
            </h1>
            <span
              className={`badge badge-snapshot-${snapshot.status}`}
              data-testid="snapshot-status"
              data-status={snapshot.status}
            >
              {t(SNAPSHOT_STATUS[snapshot.status])}
            </span>
          </div>
          <p className="muted">
            {t('Approved on {{date}}.', { date: formatDateTime(snapshot.approvedAt, lang) })}{' '}
            {snapshot.acceptedAt && t('Accepted on {{date}}.', { date: formatDateTime(snapshot.acceptedAt, lang) })}
          </p>
          {user.actions.includes('stats.accept') && snapshot.status === 'approved' && (
            <div className="panel notice">
              <p>
                {t('Accepting records that the national committee takes these figures as the province approved them.')}
              </p>
              {accept.isError && <Alert testId="accept-error">{problemMessage(accept.error, t)}</Alert>}
              <button
                type="button"
                className="button button-primary"
                disabled={accept.isPending}
                onClick={() => accept.mutate()}
                data-testid="accept-submit"
              >
                {accept.isPending ? t('Accepting…') : t('Accept these figures')}
              </button>
            </div>
          )}
          <section className="panel" aria-labelledby="snapshot-h-differences" data-testid="snapshot-differences">
            <h2 id="snapshot-h-differences">{t('Differences since the approval')}</h2>
            {query.data.differences.length === 0 ? (
              <p data-testid="snapshot-no-differences">{t('None: the records still give the approved figures.')}</p>
            ) : (
              <>
                <p>
                  {t(
                    'Records changed after the approval. The snapshot stays as approved; these are the figures as the records give them now.',
                  )}
                </p>
                <table className="table stats-table">
                  <caption className="visually-hidden">{t('Differences since the approval')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('Figure')}</th>
                      <th scope="col">{t('Year')}</th>
                      <th scope="col">{t('Approved value')}</th>
                      <th scope="col">{t('Value now')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {query.data.differences.map((d) => (
                      <tr key={`${d.figureId}/${d.year}`} data-testid="snapshot-difference" data-figure={d.figureId}>
                        <td data-label={t('Figure')}>{name(d.figureId)}</td>
                        <td data-label={t('Year')}>{d.year}</td>
                        <td data-label={t('Approved value')}>{formatValue(d.snapshot, lang, t)}</td>
                        <td data-label={t('Value now')}>{formatValue(d.now, lang, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <FrozenFigures snapshot={snapshot} labels={labels} />
          <p className="stats-provenance">
            <small>
              {t('Frozen at audit checkpoint #{{seq}} (chain head {{hash}}), from the records as of {{asOf}}.', {
                seq: snapshot.checkpoint.seq,
                hash: snapshot.checkpoint.hash.slice(0, 12),
                asOf: formatDateTime(snapshot.asOf, lang),
              })}
            </small>
          </p>
        </>
      )}
    </section>
  );
}

/** The snapshot's figures as approved, in the report's order, each year's value. */
function FrozenFigures({ snapshot, labels }: { snapshot: Snapshot; labels: readonly ReportFigure[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const order = (id: string) => {
    const i = labels.findIndex((f) => f.id === id);
    return i < 0 ? labels.length : i;
  };
  const ids = Object.keys(snapshot.figures)
    .filter((id) => labels.find((f) => f.id === id)?.section !== 'profile')
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return (
    <section className="panel" aria-labelledby="snapshot-h-figures" data-testid="snapshot-figures">
      <h2 id="snapshot-h-figures">{t('The figures as approved')}</h2>
      <table className="table stats-table">
        <caption className="visually-hidden">{t('The figures as approved')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Figure')}</th>
            <th scope="col">{t('Year')}</th>
            <th scope="col">{t('Approved value')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.flatMap((id) =>
            Object.entries(snapshot.figures[id] ?? {})
              .filter(([y]) => YEAR.test(y))
              .sort((a, b) => Number(b[0]) - Number(a[0]))
              .map(([y, value]) => (
                <tr key={`${id}/${y}`}>
                  <td data-label={t('Figure')}>
                    {figureLabel(
                      labels.find((f) => f.id === id),
                      lang,
                      id,
                    )}
                  </td>
                  <td data-label={t('Year')}>{y}</td>
                  <td data-label={t('Approved value')}>{formatValue(value, lang, t)}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
    </section>
  );
}
