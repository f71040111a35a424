import { useTranslation } from 'react-i18next';
import { localName, tk } from '../i18n';
import type { PublicConfig, UserRow, UserStatus } from '../types';
import { formatDateTime } from './format';

export type UserAction = 'disable' | 'reset' | 'mfa-reset';

const STATUS_LABELS: Record<UserStatus, string> = {
  active: tk('Active'),
  disabled: tk('Disabled'),
  pending: tk('Pending'),
};

interface Props {
  users: UserRow[];
  config: PublicConfig | undefined;
  canManage: boolean;
  busy: boolean;
  onAction: (kind: UserAction, user: UserRow) => void;
}

/** The user list; on a phone each row becomes a card (labels come from data-label). */
export function UserTable({ users, config, canManage, busy, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const orgName = (id: string) => localName(config?.organisations.find((o) => o.id === id)?.name, lang) || id;
  const roleName = (id: string) => localName(config?.roles.find((r) => r.id === id)?.name, lang) || id;

  if (users.length === 0) return <p>{t('No users yet.')}</p>;

  return (
    <table className="table" data-testid="users-table">
      <caption className="visually-hidden">{t('Users')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('Name')}</th>
          <th scope="col">{t('Organisation')}</th>
          <th scope="col">{t('Roles')}</th>
          <th scope="col">{t('Status')}</th>
          <th scope="col">{t('MFA')}</th>
          <th scope="col">{t('Last sign-in')}</th>
          {canManage && <th scope="col">{t('Actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-row-${user.username}`}>
            <td data-label={t('Name')}>
              <div>
                <strong>{user.displayName}</strong>
                <span className="muted username" translate="no">
                  {user.username}
                </span>
              </div>
            </td>
            <td data-label={t('Organisation')}>{orgName(user.organisationId)}</td>
            <td data-label={t('Roles')}>{user.roles.map(roleName).join(', ')}</td>
            <td data-label={t('Status')}>
              <span className={`badge badge-${user.status}`}>{t(STATUS_LABELS[user.status] ?? user.status)}</span>
            </td>
            <td data-label={t('MFA')}>{user.mfaEnabled ? t('On') : t('Off')}</td>
            <td data-label={t('Last sign-in')}>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, lang) : t('Never')}
            </td>
            {canManage && (
              <td data-label={t('Actions')}>
                <div className="row-actions">
                  {user.status !== 'disabled' && (
                    <button
                      type="button"
                      className="button button-danger"
                      disabled={busy}
                      onClick={() => onAction('disable', user)}
                    >
                      {t('Disable')}
                    </button>
                  )}
                  <button type="button" className="button" disabled={busy} onClick={() => onAction('reset', user)}>
                    {t('Reset password')}
                  </button>
                  {user.mfaEnabled && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => onAction('mfa-reset', user)}
                    >
                      {t('Reset MFA')}
                    </button>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
