import type { ComplaintSummary, ComplaintView, ReceiptStatus } from '@ctis/db';

/** A complaint as listed for oversight: explicit fields, never the row (no description, no contact). */
export interface ComplaintSummaryDto {
  readonly id: string;
  readonly receivedOn: string;
  readonly category: ComplaintSummary['category'];
  readonly province: string | null;
  readonly agency: string | null;
  readonly status: ComplaintSummary['status'];
  readonly outcome: string | null;
  readonly criminalCaseId: string | null;
  readonly hasContact: boolean;
  readonly version: number;
  readonly updatedAt: string | null;
}

export interface ComplaintDto extends ComplaintSummaryDto {
  readonly description: string;
  readonly contact: string | null;
  readonly history: readonly {
    readonly seq: number;
    readonly status: ComplaintSummary['status'];
    readonly outcome: string | null;
    readonly criminalCaseId: string | null;
    /** "public" for the intake, "oversight" for a decision: the deciding user is in the audit log. */
    readonly recordedBy: 'public' | 'oversight';
    readonly recordedOn: string;
  }[];
}

export function presentComplaintSummary(v: ComplaintSummary): ComplaintSummaryDto {
  return {
    id: v.id,
    receivedOn: v.receivedOn,
    category: v.category,
    province: v.province,
    agency: v.agency,
    status: v.status,
    outcome: v.outcome,
    criminalCaseId: v.criminalCaseId,
    hasContact: v.hasContact,
    version: v.version,
    updatedAt: v.updatedAt ? v.updatedAt.toISOString() : null,
  };
}

export function presentComplaint(v: ComplaintView): ComplaintDto {
  return {
    ...presentComplaintSummary(v),
    description: v.description,
    contact: v.contact,
    history: v.history.map((e) => ({
      seq: e.seq,
      status: e.status,
      outcome: e.outcome,
      criminalCaseId: e.criminalCaseId,
      recordedBy: e.recordedBy.startsWith('system:') ? 'public' : 'oversight',
      recordedOn: e.recordedOn,
    })),
  };
}

/** What the holder of a receipt code is told. */
export function presentReceiptStatus(s: ReceiptStatus): { status: string; updatedOn: string; outcome: string | null } {
  return { status: s.status, updatedOn: s.updatedOn, outcome: s.outcome };
}
