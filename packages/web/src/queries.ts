/** Server state shared across pages: the session and the public configuration. */
import { MutationCache, QueryCache, QueryClient, useQuery } from '@tanstack/react-query';
import { get, isApiError, setCsrfToken } from './api';
import { applyDefaultLanguage } from './i18n';
import type { PublicConfig, Session, SessionUser } from './types';

export const sessionKey = ['session'] as const;
export const configKey = ['config'] as const;
export const usersKey = ['users'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await get<Session>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null; // not signed in: RequireSession sends the user to /login
    }
    throw error;
  }
}

async function fetchConfig(): Promise<PublicConfig> {
  const config = await get<PublicConfig>('/api/config/public');
  applyDefaultLanguage(config.languages);
  return config;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** The signed-in user; only for components rendered inside RequireSession. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside RequireSession');
  return data.user;
}

export function useConfig() {
  return useQuery({ queryKey: configKey, queryFn: fetchConfig, staleTime: Infinity, retry: 1 });
}

export function createQueryClient(): QueryClient {
  // A 401 from any call while signed in means the session ended (expiry, sign-out elsewhere):
  // forget it, and RequireSession redirects to /login.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && client.getQueryData(sessionKey)) {
      setCsrfToken(null);
      client.setQueryData(sessionKey, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // retry network failures and server errors twice; a 4xx answer will not change
        retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      },
    },
  });
  return client;
}
