/** Server state of the statistics pages: the annual report (national, by province, by year) and the snapshots. */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, post } from '../api';
import { mapPool } from './pool';
import type { AnnualReport, Snapshot, SnapshotDetail } from './types';

export const statisticsKey = ['statistics'] as const;
const annualKey = (year: number, province: string) => ['statistics', 'annual', year, province] as const;
const snapshotsKey = (year: number) => ['statistics', 'snapshots', year] as const;
const snapshotKey = (id: string) => ['statistics', 'snapshot', id] as const;

/** Each report is computed from the whole history and audited: keep it a while. */
const REPORT_STALE_MS = 2 * 60_000;
/** How many provinces' reports are computed at once for the per-province chart. */
const PROVINCE_CONCURRENCY = 4;

function annualPath(year: number, province: string): string {
  const params = new URLSearchParams({ year: String(year) });
  if (province) params.set('province', province);
  return `/api/statistics/annual?${params.toString()}`;
}

/** The annual report of a year: national (province ''), or one province's; a provincial reader always gets theirs. */
export const annualQuery = (year: number, province = '') => ({
  queryKey: annualKey(year, province),
  queryFn: () => get<AnnualReport>(annualPath(year, province)),
  staleTime: REPORT_STALE_MS,
});

export function useAnnualReport(year: number, province = '', enabled = true) {
  return useQuery({ ...annualQuery(year, province), enabled });
}

/**
 * Whether the reader sees national figures: the report asked without a province answers with the
 * province the figures cover (null: national; a provincial reader's own province otherwise).
 */
export function useStatsScope(year: number) {
  const query = useAnnualReport(year);
  const data = query.data;
  return {
    query,
    national: data ? data.province === null : undefined,
    ownProvince: data?.province ?? null,
  };
}

/** The report of each year (e.g. 2015..2018), in parallel, each the same call as the report page's. */
export function useYearReports(years: readonly number[], province = '') {
  return useQueries({ queries: years.map((y) => annualQuery(y, province)) });
}

/**
 * Every province's report of a year, for national readers, computed a few at a time (each is a full
 * computation, audited): only once `enabled`. Each lands in the cache under the report page's key.
 */
export function useProvinceReports(year: number, provinces: readonly string[], enabled: boolean) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState({ year, done: 0 });
  const query = useQuery({
    queryKey: ['statistics', 'by-province', year, provinces],
    enabled: enabled && provinces.length > 0,
    staleTime: REPORT_STALE_MS,
    queryFn: async () => {
      setProgress({ year, done: 0 });
      const reports = await mapPool(
        provinces,
        PROVINCE_CONCURRENCY,
        (p) => queryClient.fetchQuery(annualQuery(year, p)),
        (done) => setProgress({ year, done }),
      );
      return new Map(provinces.map((p, i) => [p, reports[i]!]));
    },
  });
  return { query, done: progress.year === year ? progress.done : 0, total: provinces.length };
}

export function useSnapshots(year: number) {
  return useQuery({
    queryKey: snapshotsKey(year),
    queryFn: () => get<{ snapshots: Snapshot[] }>(`/api/statistics/snapshots?year=${year}`),
  });
}

export function useSnapshot(id: string) {
  return useQuery({
    queryKey: snapshotKey(id),
    queryFn: () => get<SnapshotDetail>(`/api/statistics/snapshots/${encodeURIComponent(id)}`),
  });
}

/** A provincial committee approves its province's figures for a year (frozen as a snapshot). */
export function useApproveFigures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => post<{ snapshot: Snapshot }>('/api/statistics/snapshots', { year }),
    onSuccess: (_, year) => queryClient.invalidateQueries({ queryKey: snapshotsKey(year) }),
  });
}

/** The national committee accepts a province's approved figures. */
export function useAcceptFigures(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ snapshot: Snapshot }>(`/api/statistics/snapshots/${encodeURIComponent(id)}/accept`),
    onSuccess: async ({ snapshot }) => {
      await queryClient.invalidateQueries({ queryKey: snapshotKey(id) });
      await queryClient.invalidateQueries({ queryKey: snapshotsKey(snapshot.year) });
    },
  });
}

export type DownloadFormat = 'pdf' | 'xlsx' | 'csv';

/** The address of a report download in a language (the server sends it as an attachment). */
export function downloadUrl(format: DownloadFormat, year: number, lang: string, province: string | null): string {
  const params = new URLSearchParams({ year: String(year), lang: lang === 'km' ? 'km' : 'en' });
  if (province) params.set('province', province);
  return `/api/statistics/annual.${format}?${params.toString()}`;
}
