import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The database as Kysely sees it. Migrations define it; keep the two in step. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_tokens: PasswordTokensTable;
  login_attempts: LoginAttemptsTable;
  break_glass: BreakGlassTable;
  persons: PersonsTable;
  record_access: RecordAccessTable;
  person_keys: PersonKeysTable;
  person_identity: PersonIdentityTable;
  person_photos: PersonPhotosTable;
  person_name_index: PersonNameIndexTable;
  screenings: ScreeningsTable;
  screening_tallies: ScreeningTalliesTable;
  victim_cases: VictimCasesTable;
  victim_case_events: VictimCaseEventsTable;
  case_counters: { prefix: string; last: number };
  criminal_cases: CriminalCasesTable;
  criminal_case_events: VictimCaseEventsTable;
  operations: OperationsTable;
  register_records: RegisterRecordsTable;
  register_record_events: RegisterRecordEventsTable;
  register_imports: RegisterImportsTable;
  statistics_snapshots: StatisticsSnapshotsTable;
  corruption_complaints: CorruptionComplaintsTable;
  corruption_complaint_events: CorruptionComplaintEventsTable;
  linkage_runs: LinkageRunsTable;
  linkage_proposals: LinkageProposalsTable;
  person_links: PersonLinksTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
}

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  organisation_id: string;
  roles: string[];
  status: 'pending' | 'active' | 'disabled';
  password_hash: string | null;
  mfa_secret: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_login_at: Timestamp | null;
}
export type UserRow = Selectable<UsersTable>;

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
  end_reason: string | null;
  ip: string | null;
}

export interface PasswordTokensTable {
  id: string;
  user_id: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  pending_mfa_secret: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  at: Timestamp;
  username: string;
  ip: string;
  success: boolean;
}

export interface BreakGlassTable {
  id: string;
  user_id: string;
  resource_type: string;
  record_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
}

export interface PersonsTable {
  id: string;
  owner_user_id: string;
  organisation_id: string;
  province: string | null;
  label: 'N' | 'R' | 'V';
  sex: string | null;
  birth_year: number | null;
  nationality: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  erased_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}
export type PersonRow = Selectable<PersonsTable>;

export interface RecordAccessTable {
  record_id: string;
  kind: 'team' | 'named' | 'shared';
  subject: string;
}

export interface AuditLogTable {
  seq: ColumnType<string, number, never>;
  at: ColumnType<Date, Date, never>;
  actor_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: 'allowed' | 'denied' | 'error';
  rule: string | null;
  reason: string | null;
  ip: string | null;
  request_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}
export type AuditLogInsert = Insertable<AuditLogTable>;

export interface AuditCheckpointsTable {
  seq: ColumnType<string, number, never>;
  hash: string;
  at: string;
  key_id: string;
  signature: string;
}

export interface PersonKeysTable {
  person_id: string;
  wrapped_key: string | null;
  kek_id: string | null;
  created_at: Timestamp;
  shredded_at: Timestamp | null;
}

export interface PersonIdentityTable {
  person_id: string;
  document: string;
  updated_at: Timestamp;
}

export interface PersonPhotosTable {
  id: string;
  person_id: string;
  content_type: string;
  content: string;
  created_at: Timestamp;
}

export interface PersonNameIndexTable {
  person_id: string;
  token: string;
}

/** A DATE column: read as 'YYYY-MM-DD' text (see the type parser in connect.ts). */
type DateText = ColumnType<string, string, string>;

export interface ScreeningsTable {
  id: string;
  questionnaire_id: string;
  questionnaire_version: string;
  site: string;
  organisation_id: string;
  province: string | null;
  occurred_on: DateText;
  result: 'possible_victim' | 'not_indicated';
  answers: ColumnType<Record<string, boolean | null>, string, string>;
  person_id: string | null;
  case_id: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface ScreeningTalliesTable {
  id: string;
  organisation_id: string;
  site: string;
  day: DateText;
  screened: number;
  indicated: number;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface VictimCasesTable {
  id: string;
  case_number: string;
  person_id: string;
  owner_user_id: string;
  organisation_id: string;
  province: string | null;
  label: 'N' | 'R' | 'V';
  status: 'open' | 'closed';
  opened_on: DateText;
  version: number;
  state: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface VictimCaseEventsTable {
  case_id: string;
  seq: number;
  type: string;
  occurred_on: DateText;
  event: ColumnType<unknown, string, never>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CriminalCasesTable {
  id: string;
  case_number: string;
  owner_user_id: string;
  /** The lead unit. */
  organisation_id: string;
  province: string | null;
  label: 'N' | 'R' | 'V';
  status: 'open' | 'closed';
  opened_on: DateText;
  trafficking_offence: boolean;
  version: number;
  state: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface OperationsTable {
  id: string;
  criminal_case_id: string | null;
  owner_user_id: string;
  organisation_id: string;
  province: string | null;
  label: 'N' | 'R' | 'V';
  status: 'planned' | 'executed' | 'cancelled';
  code_name: string;
  planned_for: DateText;
  target: string;
  briefing: string | null;
  executed_on: DateText | null;
  outcome: string | null;
  created_at: Timestamp;
  executed_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface RegisterRecordsTable {
  id: string;
  register: string;
  owner_user_id: string;
  organisation_id: string;
  province: string | null;
  label: 'N' | 'R' | 'V';
  data: ColumnType<unknown, string, string>;
  version: number;
  import_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegisterRecordEventsTable {
  record_id: string;
  seq: number;
  kind: 'created' | 'updated' | 'imported';
  data: ColumnType<unknown, string, never>;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface RegisterImportsTable {
  id: string;
  register: string;
  organisation_id: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  rows: number;
  imported_by: string;
  imported_at: Timestamp;
}

export type ComplaintCategory =
  'bribery' | 'extortion' | 'protection_of_traffickers' | 'leaking_operations' | 'obstruction_of_justice' | 'other';
export type ComplaintStatus = 'received' | 'under_review' | 'referred' | 'closed';

export interface CorruptionComplaintsTable {
  id: string;
  /** SHA-256 (hex) of the receipt code; the code itself is never stored. */
  receipt_hash: string;
  received_on: DateText;
  category: ComplaintCategory;
  province: string | null;
  agency: string | null;
  /** Sealed (KeyRing, AAD bound to the complaint id). */
  description: string;
  /** Sealed, only when the reporter chose to give contact details. */
  contact: string | null;
  status: ComplaintStatus;
  outcome: string | null;
  criminal_case_id: string | null;
  version: number;
  updated_at: Timestamp | null;
}

export interface CorruptionComplaintEventsTable {
  complaint_id: string;
  seq: number;
  status: ComplaintStatus;
  outcome: string | null;
  criminal_case_id: string | null;
  recorded_by: string;
  recorded_on: DateText;
}

export interface LinkageRunsTable {
  id: string;
  proposer_id: string;
  proposer_version: number;
  settings: ColumnType<Record<string, unknown>, string, string>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  persons: number;
  pairs: number;
  new_proposals: number;
  skipped_decided: number;
  skipped_linked: number;
  withdrawn: number;
  status: Generated<LinkageRunStatus>;
  /** The stage a running job is in ('reading', 'comparing', 'writing', …); null once finished. */
  stage: string | null;
  done: Generated<number>;
  total: Generated<number>;
  heartbeat_at: Timestamp | null;
  /** Why a run failed: the error's class and message, never an identity. */
  error: string | null;
  auto_linked: Generated<number>;
}
export type LinkageRunStatus = 'running' | 'finished' | 'failed';
export type LinkageRunRow = Selectable<LinkageRunsTable>;

export type LinkageProposalStatus = 'proposed' | 'confirmed' | 'rejected';

export interface LinkageProposalsTable {
  id: string;
  run_id: string;
  person_a: string;
  person_b: string;
  score: number;
  /** Per-field agreements and weights (core LinkageReason[]): no name, no blind index. */
  reasons: ColumnType<
    { field: string; agreement: string; weight: number; shared?: number; of?: number }[],
    string,
    string
  >;
  status: LinkageProposalStatus;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}
export type LinkageProposalRow = Selectable<LinkageProposalsTable>;

export interface PersonLinksTable {
  id: string;
  person_a: string;
  person_b: string;
  proposal_id: string | null;
  linked_by: string;
  linked_at: Timestamp;
  undone_by: string | null;
  undone_at: Timestamp | null;
  /** Made by a run without a reviewer (the pair reached the configured auto-link probability). */
  automatic: Generated<boolean>;
}
export type PersonLinkRow = Selectable<PersonLinksTable>;

export interface StatisticsSnapshotsTable {
  id: string;
  province: string;
  year: number;
  organisation_id: string;
  status: 'approved' | 'accepted';
  as_of: Timestamp;
  checkpoint_seq: ColumnType<string, number, never>;
  checkpoint_hash: string;
  figures: ColumnType<unknown, string, never>;
  approved_by: string;
  approved_at: Timestamp;
  accepted_by: string | null;
  accepted_at: Timestamp | null;
}
