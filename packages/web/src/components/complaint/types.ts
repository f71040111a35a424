/** Shapes of the complaint API, as the web app uses them. */

export type ComplaintCategory =
  'bribery' | 'extortion' | 'protection_of_traffickers' | 'leaking_operations' | 'obstruction_of_justice' | 'other';
export type ComplaintStatus = 'received' | 'under_review' | 'referred' | 'closed';
/** The statuses oversight may set ('received' is the intake's). */
export type ComplaintDecisionStatus = Exclude<ComplaintStatus, 'received'>;

export interface NewComplaint {
  category: ComplaintCategory;
  province?: string;
  agency?: string;
  description: string;
  contact?: string;
}

/** What the holder of a receipt code learns. */
export interface ReceiptStatus {
  status: ComplaintStatus;
  updatedOn: string;
  outcome: string | null;
}

export interface ComplaintSummary {
  id: string;
  receivedOn: string;
  category: ComplaintCategory;
  province: string | null;
  agency: string | null;
  status: ComplaintStatus;
  outcome: string | null;
  criminalCaseId: string | null;
  hasContact: boolean;
  version: number;
  updatedAt: string | null;
}

export interface Complaint extends ComplaintSummary {
  description: string;
  contact: string | null;
  history: {
    seq: number;
    status: ComplaintStatus;
    outcome: string | null;
    criminalCaseId: string | null;
    recordedBy: 'public' | 'oversight';
    recordedOn: string;
  }[];
}

export interface ComplaintDecision {
  status: ComplaintDecisionStatus;
  outcome: string | null;
  criminalCaseId: string | null;
  expectedVersion: number;
}
