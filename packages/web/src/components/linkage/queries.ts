/** Server state of record linkage: the queue, one pair, runs and decisions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../../api';
import type { LinkageRun, LinkageSummary, PairPerson, Proposal, ProposalStatus } from './types';

export const linkageKey = ['linkage'] as const;

export function useProposals(status: ProposalStatus) {
  return useQuery({
    queryKey: [...linkageKey, 'proposals', status],
    queryFn: () =>
      get<{ proposals: Proposal[]; summary: LinkageSummary }>(`/api/linkage/proposals?status=${status}&limit=200`),
  });
}

/**
 * One pair, with the identities the reviewer may read: each reading is audited, so it is read once per
 * visit (not again on focus or reconnect).
 */
export function usePair(id: string | null) {
  return useQuery({
    queryKey: [...linkageKey, 'pair', id],
    queryFn: () =>
      get<{ proposal: Proposal; persons: [PairPerson, PairPerson] }>(
        `/api/linkage/proposals/${encodeURIComponent(id!)}`,
      ),
    enabled: id !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Start a run: the server answers at once (202) and the run goes on in the background. */
export function useRunLinkage() {
  return useMutation({
    mutationFn: () => post<{ run: LinkageRun }>('/api/linkage/run'),
  });
}

/**
 * One run, read again every second while it runs (its progress); once it is over, the queue and the
 * summary are read again.
 */
export function useLinkageRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...linkageKey, 'run', id],
    queryFn: async () => {
      const { run } = await get<{ run: LinkageRun }>(`/api/linkage/runs/${encodeURIComponent(id!)}`);
      if (run.status !== 'running') await queryClient.invalidateQueries({ queryKey: [...linkageKey, 'proposals'] });
      return run;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' || !query.state.data ? 1000 : false),
  });
}

/** Confirm or reject a pair, or undo a link; the queue and the pair are read again. */
export function useDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (d: { kind: 'confirm' | 'reject'; proposalId: string } | { kind: 'undo'; linkId: string }) =>
      d.kind === 'undo'
        ? post<{ proposal: Proposal | null }>(`/api/linkage/links/${encodeURIComponent(d.linkId)}/undo`)
        : post<{ proposal: Proposal }>(`/api/linkage/proposals/${encodeURIComponent(d.proposalId)}/${d.kind}`),
    onSuccess: (result) => {
      const proposal = result.proposal;
      if (proposal)
        queryClient.setQueryData<{ proposal: Proposal; persons: [PairPerson, PairPerson] }>(
          [...linkageKey, 'pair', proposal.id],
          (old) => (old ? { ...old, proposal } : old),
        );
      return queryClient.invalidateQueries({ queryKey: [...linkageKey, 'proposals'] });
    },
  });
}

/** Break the glass on a restricted person to see their identity (reason audited, reviewed by a supervisor). */
export function useBreakGlass(pairId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: { personId: string; reason: string }) =>
      post<{ expiresAt: string }>(`/api/persons/${encodeURIComponent(b.personId)}/break-glass`, {
        reason: b.reason,
        minutes: 30,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...linkageKey, 'pair', pairId] }),
  });
}
