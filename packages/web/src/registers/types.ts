/**
 * Shapes of the registers API (GET /api/registers and the records). The definitions come from the
 * server as JSON: the web app builds its tables and forms from them and never imports core.
 */

export type FieldKind =
  | 'text'
  | 'longText'
  | 'date'
  | 'year'
  | 'integer'
  | 'amount'
  | 'decimal'
  | 'boolean'
  | 'enum'
  | 'enumList'
  | 'organisation'
  | 'province'
  | 'provinceList'
  | 'country'
  | 'reference'
  | 'idList';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** enum / enumList: the allowed codes. */
  options?: string[];
  /** organisation: the allowed organisation types (any when absent). */
  organisationTypes?: string[];
  /** reference: the register the id points to. */
  register?: string;
  /** integer / amount / decimal: the smallest value (0 when absent). */
  min?: number;
  /** Set by a one-step action (e.g. a referral to police), never typed in a form; edits keep it. */
  readOnly?: boolean;
}

export interface RegisterInfo {
  id: string;
  fields: FieldSpec[];
  /** The list's columns, in order (may name derived fields, which are not among `fields`). */
  summary: string[];
  recordedBy: string[];
  canWrite: boolean;
}

export interface RegistersResponse {
  registers: RegisterInfo[];
  /** Inspection sector -> the indicators of its checklist (when the server sends them). */
  checklists?: Record<string, string[]>;
  /** The indicators that amount to debt bondage (when the server sends them). */
  debtBondageIndicators?: string[];
}

/** What the inspection's "open a victim case" action answers. */
export interface ReferProtectionResult {
  caseId: string;
  caseNumber?: string | null;
  record: RegisterRecord;
}

export type RecordData = Record<string, unknown>;

export interface RegisterRecord {
  id: string;
  register: string;
  organisationId: string;
  province: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  data: RecordData;
}

/** Who recorded a version: a user id or name, or the user as an object. */
export type RecordedBy = string | { id?: string; displayName?: string; username?: string } | null;

export interface RegisterHistoryEntry {
  seq: number;
  kind: 'created' | 'updated' | 'imported' | string;
  data: RecordData;
  recordedBy: RecordedBy;
  recordedAt: string;
}

export interface RegisterRecordResponse {
  record: RegisterRecord;
  history: RegisterHistoryEntry[];
}

/** One problem of an import: the spreadsheet row (header = 1), the column (header name), the message. */
export interface ImportError {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  importId: string;
  rows: number;
}
