/** Server state of the complaints, for oversight: the list, one complaint, and its decisions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api';
import type { Complaint, ComplaintDecision, ComplaintStatus, ComplaintSummary } from './types';

export const complaintsKey = ['complaints'] as const;
const path = (id: string) => `/api/complaints/${encodeURIComponent(id)}`;

export function useComplaints(status: ComplaintStatus | '') {
  return useQuery({
    queryKey: [...complaintsKey, 'list', status],
    queryFn: () => get<{ complaints: ComplaintSummary[] }>(`/api/complaints${status ? `?status=${status}` : ''}`),
  });
}

/** Opening a complaint decrypts it and is audited: read once per visit, not again on focus. */
export function useComplaint(id: string) {
  return useQuery({
    queryKey: [...complaintsKey, 'one', id],
    queryFn: () => get<{ complaint: Complaint }>(path(id)),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useDecideComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ComplaintDecision) => post<{ complaint: Complaint }>(`${path(id)}/status`, body),
    onSuccess: (result) => {
      queryClient.setQueryData([...complaintsKey, 'one', id], result);
      return queryClient.invalidateQueries({ queryKey: [...complaintsKey, 'list'] });
    },
  });
}
