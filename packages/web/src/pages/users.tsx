import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api';
import { AddUserForm } from '../components/add-user-form';
import { Alert } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { problemMessage } from '../components/problem';
import { ResetLink } from '../components/reset-link';
import { ErrorPanel, Loading } from '../components/status';
import { UserTable, type UserAction } from '../components/user-table';
import { useConfig, useCurrentUser, usersKey } from '../queries';
import type { UserRow } from '../types';

interface IssuedLink {
  username: string;
  token: string;
}

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('Users'));
  const me = useCurrentUser();
  const canManage = me.actions.includes('user.manage');
  const queryClient = useQueryClient();
  const config = useConfig().data;
  const users = useQuery({ queryKey: usersKey, queryFn: () => get<{ users: UserRow[] }>('/api/users') });
  const [adding, setAdding] = useState(false);
  const [link, setLink] = useState<IssuedLink | null>(null);

  const action = useMutation({
    mutationFn: async ({ kind, user }: { kind: UserAction; user: UserRow }) => {
      const path = `/api/users/${encodeURIComponent(user.id)}/${kind}`;
      // Both resets answer with a one-time link (after an MFA reset the user enrols again through it).
      if (kind === 'reset' || kind === 'mfa-reset') {
        const { resetToken } = await post<{ resetToken: string }>(path);
        setLink({ username: user.username, token: resetToken });
      } else {
        await post<{ user: UserRow }>(path);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });

  const onAction = (kind: UserAction, user: UserRow) => {
    const name = user.displayName || user.username;
    const question = {
      disable: t('Disable {{name}}? They will no longer be able to sign in.', { name }),
      reset: t('Create a new one-time set-password link for {{name}}?', { name }),
      'mfa-reset': t('Reset MFA for {{name}}? They will need to set up their authenticator app again.', { name }),
    }[kind];
    if (window.confirm(question)) action.mutate({ kind, user });
  };

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Users')}</h1>
        {canManage && !adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setAdding(true)}
            data-testid="add-user"
          >
            {t('Add user')}
          </button>
        )}
      </div>
      {link && <ResetLink username={link.username} token={link.token} onDone={() => setLink(null)} />}
      {action.isError && <Alert>{problemMessage(action.error, t)}</Alert>}
      {canManage && adding && config && (
        <AddUserForm
          config={config}
          onCancel={() => setAdding(false)}
          onCreated={(username, token) => {
            setAdding(false);
            setLink({ username, token });
            void queryClient.invalidateQueries({ queryKey: usersKey });
          }}
        />
      )}
      {users.isPending && <Loading />}
      {users.isError && <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <UserTable
          users={users.data.users}
          config={config}
          canManage={canManage}
          busy={action.isPending}
          onAction={onAction}
        />
      )}
    </section>
  );
}
