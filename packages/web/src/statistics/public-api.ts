/**
 * The public statistics call. Like the public complaint calls it sends no cookie and no CSRF token
 * (credentials: 'omit'): the published figures are the same for everyone, signed in or not.
 */
import { useQuery } from '@tanstack/react-query';
import { ApiError, type Problem } from '../api';
import { currentLanguage } from '../i18n';
import type { PublicStatistics } from './types';

async function fetchPublicStatistics(year: number): Promise<PublicStatistics> {
  let response: Response;
  try {
    response = await fetch(`/api/public/statistics?year=${year}`, {
      headers: { accept: 'application/json', 'accept-language': currentLanguage() },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    throw new ApiError({ title: 'Network error', status: 0, code: 'network' });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem =
      payload && typeof payload === 'object' && 'title' in payload
        ? (payload as Problem)
        : { title: response.statusText || `HTTP ${response.status}`, status: response.status };
    throw new ApiError({ ...problem, status: problem.status ?? response.status });
  }
  return payload as PublicStatistics;
}

export function usePublicStatistics(year: number) {
  return useQuery({
    queryKey: ['public-statistics', year],
    queryFn: () => fetchPublicStatistics(year),
    staleTime: 5 * 60_000,
  });
}
