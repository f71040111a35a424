import type { CaseState } from '../../../protection/types';

export interface CaseFormProps {
  caseId: string;
  state: CaseState;
  onDone: () => void;
}
