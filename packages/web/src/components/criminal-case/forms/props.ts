import type { CriminalCaseRecord } from '../../../prosecution/types';

export interface CriminalFormProps {
  caseId: string;
  record: CriminalCaseRecord;
  onDone: () => void;
}
