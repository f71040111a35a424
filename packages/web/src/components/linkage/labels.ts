import { tk } from '../../i18n';
import type { Labels } from '../../protection/labels';

/** The fields a proposer compares (translation keys). */
export const LINKAGE_FIELDS: Labels = {
  name: tk('Name'),
  birthYear: tk('Birth year'),
  sex: tk('Sex'),
  nationality: tk('Nationality'),
  province: tk('Province'),
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
