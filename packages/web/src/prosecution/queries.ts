/** Server state of the criminal cases: the list, one case, its alerts, and recording its events. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiError, post } from '../api';
import type { CaseEventInput, CaseEventRow } from '../protection/types';
import type { CriminalCaseAlert, CriminalCaseRecord } from './types';

/** Every key under ['criminal-cases'] (the list and each case) is refreshed after a change to a case. */
export const criminalCasesKey = ['criminal-cases'] as const;
export const criminalCaseKey = (id: string) => ['criminal-cases', 'one', id] as const;
export const criminalAlertsKey = ['criminal-case-alerts'] as const;

const path = (id: string) => `/api/criminal-cases/${encodeURIComponent(id)}`;

export function useCriminalCases(status: '' | 'open' | 'closed' = '', enabled = true) {
  return useQuery({
    queryKey: [...criminalCasesKey, 'list', status],
    queryFn: () => get<{ cases: CriminalCaseRecord[] }>(`/api/criminal-cases${status ? `?status=${status}` : ''}`),
    enabled,
  });
}

export function useCriminalCase(id: string) {
  return useQuery({
    queryKey: criminalCaseKey(id),
    queryFn: () => get<{ case: CriminalCaseRecord; events: CaseEventRow[] }>(path(id)),
  });
}

export function useCriminalAlerts(enabled: boolean) {
  return useQuery({
    queryKey: criminalAlertsKey,
    queryFn: () => get<{ asOf: string; alerts: CriminalCaseAlert[] }>('/api/criminal-cases/alerts'),
    enabled,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: criminalCasesKey }),
      queryClient.invalidateQueries({ queryKey: criminalAlertsKey }),
    ]);
}

/** Opens an investigation (the body of investigation_opened without its type). */
export function useOpenInvestigation() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Omit<CaseEventInput, 'type'>) => post<{ case: CriminalCaseRecord }>('/api/criminal-cases', body),
    onSuccess: refresh,
  });
}

/**
 * Records one event on a criminal case, refused (409) if the case changed since `version` was
 * read. Either way the case is read again, so the screen shows what the server holds.
 */
export function useCriminalCaseEvent(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ event, version }: { event: CaseEventInput; version: number }) =>
      post<{ case: CriminalCaseRecord }>(`${path(caseId)}/events?expectedVersion=${version}`, event),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void refresh();
    },
  });
}

/**
 * Adds a suspect (and the person, when new) through POST /suspects: the form builds a
 * `suspect_added` event; its fields other than the type are the body.
 */
export function useAddSuspect(caseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ event }: { event: CaseEventInput; version: number }) => {
      const { type: _type, ...body } = event;
      return post<{ case: CriminalCaseRecord }>(`${path(caseId)}/suspects`, body);
    },
    onSuccess: refresh,
  });
}
