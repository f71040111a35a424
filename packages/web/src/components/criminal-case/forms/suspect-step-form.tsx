import { useState } from 'react';
import { supervisedBy, suspectsFor, type SuspectStep } from '../../../prosecution/suspects';
import { useCurrentUser } from '../../../queries';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

interface Props extends CriminalFormProps {
  /** An event that names only the suspect: a check-in made or missed, absconding, warrant, re-arrest. */
  step: Extract<
    SuspectStep,
    'check_in_recorded' | 'check_in_missed' | 'absconded' | 'arrest_warrant_issued' | 'rearrested'
  >;
  title: string;
  submitLabel: string;
  testId: string;
}

/** Records a step of one suspect that has no other detail than its date. */
export function SuspectStepForm({ caseId, record, onDone, step, title, submitLabel, testId }: Props) {
  const organisationId = useCurrentUser().organisation.id;
  // Check-ins are recorded by the supervising unit only.
  const checkIn = step === 'check_in_recorded' || step === 'check_in_missed';
  const suspects = checkIn ? supervisedBy(record.state, organisationId) : suspectsFor(record.state, step);
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={title}
      submitLabel={submitLabel}
      testId={`${testId}-form`}
      fields={['suspectId']}
      onDone={onDone}
      build={(occurredOn) => (suspectId ? { type: step, occurredOn, suspectId } : null)}
    >
      {(error) => (
        <SuspectSelect
          state={record.state}
          suspects={suspects}
          value={suspectId}
          onChange={setSuspectId}
          error={error('suspectId', suspectId)}
          testId={`${testId}-suspect`}
        />
      )}
    </CriminalEventForm>
  );
}
