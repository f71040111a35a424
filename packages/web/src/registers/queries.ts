/** Server state of the registers: the definitions, each register's records, one record, and the writes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, isApiError, post, upload } from '../api';
import type {
  ImportError,
  ImportResult,
  RecordData,
  ReferProtectionResult,
  RegisterRecord,
  RegisterRecordResponse,
  RegistersResponse,
} from './types';

export const registersKey = ['registers'] as const;
const definitionsKey = ['registers', 'definitions'] as const;
const recordsKey = (register: string) => ['registers', 'records', register] as const;
const recordKey = (register: string, id: string) => ['registers', 'records', register, 'one', id] as const;

const base = (register: string) => `/api/registers/${encodeURIComponent(register)}`;
const one = (register: string, id: string) => `${base(register)}/${encodeURIComponent(id)}`;

/** How many records a list shows (the newest). */
export const LIST_LIMIT = 200;

/** The registers the user may read, with their fields (the same for the whole session). */
export function useRegisterDefinitions() {
  return useQuery({
    queryKey: definitionsKey,
    queryFn: () => get<RegistersResponse>('/api/registers'),
    staleTime: 5 * 60_000,
  });
}

/** One register's definition, or undefined while loading (null when the user may not read it). */
export function useRegisterDefinition(register: string) {
  const query = useRegisterDefinitions();
  const definition = query.data ? (query.data.registers.find((r) => r.id === register) ?? null) : undefined;
  return { query, definition, checklists: query.data?.checklists, bondage: query.data?.debtBondageIndicators };
}

/** The newest records of a register (also for the names of records other registers point to). */
export const recordsQuery = (register: string) => ({
  queryKey: recordsKey(register),
  queryFn: () => get<{ records: RegisterRecord[] }>(`${base(register)}?limit=${LIST_LIMIT}`),
});

export function useRegisterRecords(register: string, enabled = true) {
  return useQuery({ ...recordsQuery(register), enabled: enabled && register !== '' });
}

export function useRegisterRecord(register: string, id: string) {
  return useQuery({
    queryKey: recordKey(register, id),
    queryFn: () => get<RegisterRecordResponse>(one(register, id)),
  });
}

function useRefresh(register: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: recordsKey(register) });
}

export function useCreateRecord(register: string) {
  const refresh = useRefresh(register);
  return useMutation({
    mutationFn: (data: RecordData) => post<{ record: RegisterRecord }>(base(register), data),
    onSuccess: refresh,
  });
}

/** Replaces a record's fields, refused (409) if it changed since `version` was read; either way it is read again. */
export function useUpdateRecord(register: string, id: string) {
  const refresh = useRefresh(register);
  return useMutation({
    mutationFn: ({ data, version }: { data: RecordData; version: number }) =>
      api<{ record: RegisterRecord }>('PUT', `${one(register, id)}?expectedVersion=${version}`, data),
    onSuccess: refresh,
    onError: (error) => {
      if (isApiError(error) && error.status === 409) void refresh();
    },
  });
}

/** The Content-Type of a spreadsheet, by its name (browsers do not agree on .csv). */
export function spreadsheetType(fileName: string): string | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

export function useImportRecords(register: string) {
  const refresh = useRefresh(register);
  return useMutation({
    mutationFn: ({ file, type }: { file: Blob; type: string }) =>
      upload<ImportResult>(`${base(register)}/import`, file, type),
    onSuccess: refresh,
  });
}

export const templateUrl = (register: string) => `${base(register)}/template.csv`;

/** The row-level errors of a refused import, and their total count when the server gives it. */
export function importErrors(error: unknown): { errors: ImportError[]; total: number } | null {
  if (!isApiError(error)) return null;
  const problem = error.problem as unknown as Record<string, unknown>;
  const raw = problem['errors'];
  if (!Array.isArray(raw)) return null;
  const errors = raw.filter(
    (e): e is ImportError => typeof e === 'object' && e !== null && 'row' in e && 'message' in e,
  );
  if (errors.length === 0) return null;
  const counted = [problem['total'], problem['errorCount'], problem['totalErrors']].find(
    (n): n is number => typeof n === 'number',
  );
  return { errors, total: Math.max(counted ?? 0, errors.length) };
}

/** The inspection's one-step actions: a victim case for a worker found, or a referral to police. */
export function useReferProtection(id: string) {
  const refresh = useRefresh('inspections');
  return useMutation({
    mutationFn: (body: { occurredOn: string; person?: RecordData }) =>
      post<ReferProtectionResult>(`${one('inspections', id)}/refer-protection`, body),
    onSettled: refresh,
  });
}

export function useReferPolice(id: string) {
  const refresh = useRefresh('inspections');
  return useMutation({
    mutationFn: (body: { occurredOn: string; policeOrganisationId: string }) =>
      post<{ record: RegisterRecord }>(`${one('inspections', id)}/refer-police`, body),
    onSettled: refresh,
  });
}
