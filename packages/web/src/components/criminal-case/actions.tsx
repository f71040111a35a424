import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { tk } from '../../i18n';
import { supervisedBy, suspectsFor, type SuspectStep } from '../../prosecution/suspects';
import type { CriminalCaseRecord } from '../../prosecution/types';
import { useConfig, useCurrentUser } from '../../queries';
import { ActionToolbar } from '../case/action-toolbar';
import { AppealForm } from './forms/appeal-form';
import { ChargeForm } from './forms/charge-form';
import { CriminalClosureForm } from './forms/closure-form';
import { EvidenceForm } from './forms/evidence-form';
import { MeasureForm } from './forms/measure-form';
import type { CriminalFormProps } from './forms/props';
import { SentenceForm } from './forms/sentence-form';
import { SuspectForm } from './forms/suspect-form';
import { SuspectStepForm } from './forms/suspect-step-form';
import { TrialForm } from './forms/trial-form';
import { VerdictForm } from './forms/verdict-form';
import { VictimLinkForm } from './forms/victim-link-form';

interface Who {
  organisationId: string;
  organisationType: string | undefined;
}

interface Action {
  id: string;
  label: string;
  form: ComponentType<CriminalFormProps>;
  when: (record: CriminalCaseRecord, who: Who) => boolean;
}

const any = (step: SuspectStep) => (r: CriminalCaseRecord) => suspectsFor(r.state, step).length > 0;
const always = () => true;

/** A step of one suspect with no other detail, as a form. */
const stepForm = (
  step: Parameters<typeof SuspectStepForm>[0]['step'],
  title: string,
  testId: string,
): ComponentType<CriminalFormProps> =>
  function StepForm(props: CriminalFormProps) {
    const { t } = useTranslation();
    return <SuspectStepForm {...props} step={step} title={t(title)} submitLabel={t(title)} testId={testId} />;
  };

const ACTIONS: readonly Action[] = [
  { id: 'suspect', label: tk('Add a suspect'), form: SuspectForm, when: always },
  { id: 'victim', label: tk('Link a victim case'), form: VictimLinkForm, when: (r) => r.state.victims !== undefined },
  { id: 'evidence', label: tk('Supply evidence to a prosecutor'), form: EvidenceForm, when: always },
  {
    id: 'charge',
    label: tk('Charge a suspect'),
    form: ChargeForm,
    // Only the prosecutor named in the charge may record it.
    when: (r, who) => who.organisationType === 'prosecutor' && any('charged')(r),
  },
  {
    id: 'trial',
    label: tk('Open the trial'),
    form: TrialForm,
    when: (r) => r.state.suspects.some((s) => s.charge !== null),
  },
  { id: 'measure', label: tk('Order a pre-trial measure'), form: MeasureForm, when: any('pretrial_measure') },
  {
    id: 'check-in',
    label: tk('Record a check-in'),
    form: stepForm('check_in_recorded', tk('Record a check-in'), 'check-in'),
    when: (r, who) => supervisedBy(r.state, who.organisationId).length > 0,
  },
  {
    id: 'missed',
    label: tk('Record a missed check-in'),
    form: stepForm('check_in_missed', tk('Record a missed check-in'), 'missed'),
    when: (r, who) => supervisedBy(r.state, who.organisationId).length > 0,
  },
  {
    id: 'absconded',
    label: tk('Record that the suspect absconded'),
    form: stepForm('absconded', tk('Record that the suspect absconded'), 'absconded'),
    when: any('absconded'),
  },
  {
    id: 'warrant',
    label: tk('Record an arrest warrant'),
    form: stepForm('arrest_warrant_issued', tk('Record an arrest warrant'), 'warrant'),
    when: any('arrest_warrant_issued'),
  },
  {
    id: 'rearrested',
    label: tk('Record the re-arrest'),
    form: stepForm('rearrested', tk('Record the re-arrest'), 'rearrested'),
    when: any('rearrested'),
  },
  { id: 'verdict', label: tk('Record the verdict'), form: VerdictForm, when: any('verdict') },
  { id: 'sentence', label: tk('Record the sentence'), form: SentenceForm, when: any('sentence') },
  { id: 'appeal', label: tk('Record an appeal'), form: AppealForm, when: any('appeal') },
  { id: 'closure', label: tk('Close the case'), form: CriminalClosureForm, when: always },
];

/** The steps that can be recorded on the open case now; one form open at a time. */
export function CriminalCaseActions({ caseId, record }: { caseId: string; record: CriminalCaseRecord }) {
  const user = useCurrentUser();
  const organisationType = useConfig().data?.organisations.find((o) => o.id === user.organisation.id)?.type;
  const who = { organisationId: user.organisation.id, organisationType };
  const [current, setCurrent] = useState<string | null>(null);
  const available = ACTIONS.filter((a) => a.when(record, who));
  const action = available.find((a) => a.id === current);
  const Form = action?.form;
  return (
    <div className="case-actions">
      <ActionToolbar actions={available} current={current} onChoose={setCurrent} />
      {Form && <Form key={action.id} caseId={caseId} record={record} onDone={() => setCurrent(null)} />}
    </div>
  );
}
