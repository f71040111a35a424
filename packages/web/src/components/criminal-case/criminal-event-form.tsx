import type { ComponentProps } from 'react';
import { useCriminalCaseEvent } from '../../prosecution/queries';
import { EventForm } from '../case/event-form';

type Props = Omit<ComponentProps<typeof EventForm>, 'recorder'>;

/** The case event form (date, fields, errors beside them), recording on a criminal case. */
export function CriminalEventForm(props: Props) {
  const recorder = useCriminalCaseEvent(props.caseId);
  return <EventForm {...props} recorder={recorder} />;
}
