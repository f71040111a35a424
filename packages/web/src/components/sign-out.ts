import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { post, setCsrfToken } from '../api';
import { configKey, sessionKey } from '../queries';

/** Ends the session on the server, forgets everything but the public config, goes to /login. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      const keep = new Set<unknown>([configKey[0], sessionKey[0]]);
      queryClient.removeQueries({ predicate: (q) => !keep.has(q.queryKey[0]) });
      queryClient.setQueryData(sessionKey, null);
      void navigate('/login', { replace: true });
    },
  });
}
