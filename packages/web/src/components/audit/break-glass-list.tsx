import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../../api';
import { breakGlassKey, type BreakGlassEvent } from '../../audit/types';
import { formatDateTime } from '../format';
import { ErrorPanel, Loading } from '../status';
import { ReviewForm } from './review-form';

/** Break-glass events (emergency access to a record) for a supervisor to review. */
export function BreakGlassList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const events = useQuery({
    queryKey: breakGlassKey,
    queryFn: () => get<{ events: BreakGlassEvent[] }>('/api/break-glass'),
  });

  return (
    <div data-testid="break-glass">
      <h2>{t('Break-glass access')}</h2>
      {events.isPending && <Loading />}
      {events.isError && <ErrorPanel error={events.error} onRetry={() => void events.refetch()} />}
      {events.data && events.data.events.length === 0 && <p>{t('No break-glass access so far.')}</p>}
      {events.data && events.data.events.length > 0 && (
        <table className="table" data-testid="break-glass-table">
          <caption className="visually-hidden">{t('Break-glass access')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Who')}</th>
              <th scope="col">{t('Record')}</th>
              <th scope="col">{t('Reason')}</th>
              <th scope="col">{t('When')}</th>
              <th scope="col">{t('Expires')}</th>
              <th scope="col">{t('Review')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.events.map((event) => (
              <tr key={event.id} data-testid={`break-glass-row-${event.id}`}>
                <td data-label={t('Who')} translate="no">
                  {event.username}
                </td>
                <td data-label={t('Record')} translate="no">
                  {event.resourceType}
                  <span className="muted username">{event.recordId}</span>
                </td>
                <td data-label={t('Reason')}>{event.reason}</td>
                <td data-label={t('When')}>{formatDateTime(event.grantedAt, lang)}</td>
                <td data-label={t('Expires')}>{formatDateTime(event.expiresAt, lang)}</td>
                <td data-label={t('Review')}>
                  {event.reviewedAt ? (
                    <div>
                      <span className="badge badge-active">{t('Reviewed')}</span>{' '}
                      <span className="muted">{formatDateTime(event.reviewedAt, lang)}</span>
                      {event.reviewNote && <p>{event.reviewNote}</p>}
                    </div>
                  ) : (
                    <ReviewForm eventId={event.id} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
