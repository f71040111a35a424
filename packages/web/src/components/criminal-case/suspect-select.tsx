import { useTranslation } from 'react-i18next';
import { SUSPECT_STATUSES } from '../../prosecution/labels';
import { suspectNumber } from '../../prosecution/suspects';
import type { CriminalCaseState, Suspect } from '../../prosecution/types';
import { label } from '../../protection/labels';
import { SelectField } from '../field';

interface Props {
  state: CriminalCaseState;
  /** The suspects the event may be recorded for. */
  suspects: Suspect[];
  value: string;
  onChange: (suspectId: string) => void;
  error?: string | undefined;
  testId: string;
}

/** One suspect of the case, by number and where they stand ("Suspect 2 — Charged"). */
export function SuspectSelect({ state, suspects, value, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('Suspect')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      data-testid={testId}
    >
      <option value="">{t('Choose…')}</option>
      {suspects.map((s) => (
        <option key={s.suspectId} value={s.suspectId}>
          {t('Suspect {{n}}', { n: suspectNumber(state, s.suspectId) })} — {label(SUSPECT_STATUSES, s.status, t)}
        </option>
      ))}
    </SelectField>
  );
}

/** The first suspect when there is only one to choose from, else none. */
export const onlySuspect = (suspects: Suspect[]) => (suspects.length === 1 ? suspects[0]!.suspectId : '');
