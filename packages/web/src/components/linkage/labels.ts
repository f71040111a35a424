import { tk } from '../../i18n';
import type { Labels } from '../../protection/labels';

/** The fields a proposer compares (translation keys). */
export const LINKAGE_FIELDS: Labels = {
  name: tk('Name'),
  birthYear: tk('Birth year'),
  sex: tk('Sex'),
  nationality: tk('Nationality'),
  province: tk('Province'),
  given_name: tk('Given name'),
  family_name: tk('Family name'),
  birth_date: tk('Date of birth'),
  place: tk('Province'),
  document_number: tk('Document number'),
};

/** Where a running linkage job is. */
export const RUN_STAGES: Labels = {
  queued: tk('Waiting to start'),
  reading: tk('Reading person records'),
  comparing: tk('Comparing records'),
  writing: tk('Writing possible pairs'),
  linking: tk('Linking the surest pairs'),
};

export const AGREEMENTS: Labels = {
  exact: tk('Same'),
  compatible: tk('Nearly the same'),
  differs: tk('Differs'),
  missing: tk('Missing on one side'),
};

export const PROPOSAL_STATUSES: Labels = {
  proposed: tk('To review'),
  confirmed: tk('Confirmed'),
  rejected: tk('Rejected'),
};
