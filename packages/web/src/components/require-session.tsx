import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser, useSession } from '../queries';
import { Layout } from './layout';
import { ErrorPanel, Loading, NoAccess } from './status';

/** Routes inside need a session: without one (401) the user is sent to /login and back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <main className="app-main">
        <ErrorPanel error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  if (!session.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return (
    <Layout user={session.data.user}>
      <Outlet />
    </Layout>
  );
}

/** Hides a page from users without the action, or without any of several (the server refuses them anyway). */
export function RequireAction({ action, children }: { action: string | readonly string[]; children: ReactNode }) {
  const user = useCurrentUser();
  const wanted: readonly string[] = typeof action === 'string' ? [action] : action;
  return wanted.some((a) => user.actions.includes(a)) ? children : <NoAccess />;
}
