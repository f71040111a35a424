/** Server state of the protection screens: questionnaires, persons, cases, alerts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiError, post } from '../api';
import type { CaseAlert, CaseEventInput, CaseEventRow, CaseRecord, Person, Questionnaire } from './types';

/** Every key under ['cases'] (the list and each case) is refreshed after a change to a case. */
export const casesKey = ['cases'] as const;
export const caseKey = (id: string) => ['cases', 'one', id] as const;
export const alertsKey = ['case-alerts'] as const;

export function useQuestionnaires() {
  return useQuery({
    queryKey: ['questionnaires'],
    queryFn: () => get<{ questionnaires: Questionnaire[] }>('/api/questionnaires'),
    staleTime: Infinity,
  });
}

export function usePerson(id: string, identity: boolean) {
  return useQuery({
    queryKey: ['person', id, identity],
    queryFn: () => get<{ person: Person }>(`/api/persons/${encodeURIComponent(id)}?identity=${identity}`),
  });
}

export function useCases(status: '' | 'open' | 'closed' = '', enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'list', status],
    queryFn: () => get<{ cases: CaseRecord[] }>(`/api/cases${status ? `?status=${status}` : ''}`),
    enabled,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: () => get<{ case: CaseRecord; events: CaseEventRow[] }>(`/api/cases/${encodeURIComponent(id)}`),
  });
}

export function useAlerts(enabled: boolean) {
  return useQuery({
    queryKey: alertsKey,
    queryFn: () => get<{ asOf: string; alerts: CaseAlert[] }>('/api/cases/alerts'),
    enabled,
  });
}

/**
 * Records one event on a case, refused (409) if the case changed since `version` was read. Either
 * way the case is read again, so the screen shows what the server holds.
 */
export function useCaseEvent(caseId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: casesKey }),
      queryClient.invalidateQueries({ queryKey: alertsKey }),
    ]);
  return useMutation({
    mutationFn: ({ event, version }: { event: CaseEventInput; version: number }) =>
      post<{ case: CaseRecord }>(`/api/cases/${encodeURIComponent(caseId)}/events?expectedVersion=${version}`, event),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void refresh();
    },
  });
}

/** A new random id (UUID v4) for the records a case event creates (consent, referral, service...). */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not (e.g. plain http on a local network).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Today on this device, as YYYY-MM-DD (the default date of a fact being recorded). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
