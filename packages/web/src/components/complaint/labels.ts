/** Translation keys for the complaint API's codes (the same in every country). */
import { tk } from '../../i18n';
import type { ComplaintCategory, ComplaintDecisionStatus, ComplaintStatus } from './types';

export const COMPLAINT_CATEGORIES: Readonly<Record<ComplaintCategory, string>> = {
  bribery: tk('Bribery'),
  extortion: tk('Extortion'),
  protection_of_traffickers: tk('Protecting traffickers'),
  leaking_operations: tk('Leaking operations'),
  obstruction_of_justice: tk('Obstructing justice'),
  other: tk('Other'),
};

export const COMPLAINT_STATUSES: Readonly<Record<ComplaintStatus, string>> = {
  received: tk('Received'),
  under_review: tk('Under review'),
  referred: tk('Referred'),
  closed: tk('Closed'),
};

/** The statuses oversight can set, in the order offered. */
export const DECISION_STATUSES: readonly ComplaintDecisionStatus[] = ['under_review', 'referred', 'closed'];
