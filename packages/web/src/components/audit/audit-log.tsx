import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../api';
import { auditKey, type AuditEntry, type AuditOutcome } from '../../audit/types';
import { tk } from '../../i18n';
import { formatDateTime } from '../format';
import { ErrorPanel, Loading } from '../status';

const PAGE_SIZE = 50;

const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  allowed: tk('Allowed'),
  denied: tk('Denied'),
  error: tk('Error'),
};

/** Recent audit entries, newest first; "Load older" asks for the rows before the oldest shown. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const entries = useInfiniteQuery({
    queryKey: auditKey,
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => {
      const before = pageParam ? `&before=${pageParam}` : '';
      return get<{ entries: AuditEntry[] }>(`/api/audit?limit=${PAGE_SIZE}${before}`);
    },
    getNextPageParam: (last) =>
      last.entries.length < PAGE_SIZE ? undefined : last.entries[last.entries.length - 1]?.seq,
  });

  if (entries.isPending) return <Loading />;
  // A failed "Load older" keeps the pages already shown (the query is in error, with data).
  if (!entries.data) return <ErrorPanel error={entries.error} onRetry={() => void entries.refetch()} />;
  const rows = entries.data.pages.flatMap((page) => page.entries);
  if (rows.length === 0) return <p>{t('No audit entries yet.')}</p>;

  return (
    <>
      <table className="table" data-testid="audit-table">
        <caption className="visually-hidden">{t('Audit trail')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('When')}</th>
            <th scope="col">{t('Action')}</th>
            <th scope="col">{t('Record')}</th>
            <th scope="col">{t('Outcome')}</th>
            <th scope="col">{t('Rule')}</th>
            <th scope="col">{t('Reason')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} data-testid={`audit-row-${row.seq}`}>
              <td data-label="#">{row.seq}</td>
              <td data-label={t('When')}>{formatDateTime(row.at, i18n.language)}</td>
              <td data-label={t('Action')} translate="no">
                {row.action}
              </td>
              <td data-label={t('Record')} translate="no">
                {row.resourceType}
                {row.resourceId && <span className="muted username">{row.resourceId}</span>}
              </td>
              <td data-label={t('Outcome')}>
                <span className={`badge badge-${row.outcome}`}>{t(OUTCOME_LABELS[row.outcome] ?? row.outcome)}</span>
              </td>
              <td data-label={t('Rule')} translate="no">
                {row.rule ?? '—'}
              </td>
              <td data-label={t('Reason')}>{row.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.isFetchNextPageError && <ErrorPanel error={entries.error} />}
      {entries.hasNextPage && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
            data-testid="audit-load-older"
          >
            {entries.isFetchingNextPage ? t('Loading…') : t('Load older')}
          </button>
        </div>
      )}
    </>
  );
}
