/** Server state of the operations (raids): the list, one operation, its officers and openers. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../api';
import type { Officer, Opener, Operation } from './types';

export const operationsKey = ['operations'] as const;
const path = (id: string) => `/api/operations/${encodeURIComponent(id)}`;

export function useOperations() {
  return useQuery({
    queryKey: [...operationsKey, 'list'],
    queryFn: () => get<{ operations: Operation[] }>('/api/operations'),
  });
}

/**
 * Reading one operation is audited as an opening: it is read once per visit (not again on focus or
 * reconnect), so the owner's list of openers shows visits, not background refreshes.
 */
export function useOperation(id: string) {
  return useQuery({
    queryKey: [...operationsKey, 'one', id],
    queryFn: () => get<{ operation: Operation }>(path(id)),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useOfficers(enabled: boolean) {
  return useQuery({
    queryKey: [...operationsKey, 'officers'],
    queryFn: () => get<{ officers: Officer[] }>('/api/operations/officers'),
    enabled,
  });
}

/** Who opened the operation (or tried to) before it was carried out: for its owner only. */
export function useOpeners(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...operationsKey, 'openers', id],
    queryFn: () => get<{ openers: Opener[] }>(`${path(id)}/openers`),
    enabled,
  });
}

export interface NewOperation {
  codeName: string;
  plannedFor: string;
  target: string;
  briefing?: string;
  criminalCaseId?: string;
  namedOfficerIds: string[];
}

/** Plans an operation, or records a step on one (`execute` or `cancel`); the lists are read again. */
export function useOperationPost<B>(url: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => post<{ operation: Operation }>(url, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationsKey }),
  });
}

export const useCreateOperation = () => useOperationPost<NewOperation>('/api/operations');
export const useExecuteOperation = (id: string) =>
  useOperationPost<{ executedOn: string; outcome: string }>(`${path(id)}/execute`);
export const useCancelOperation = (id: string) => useOperationPost<{ reason: string }>(`${path(id)}/cancel`);
