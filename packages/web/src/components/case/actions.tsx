import { useState, type ComponentType } from 'react';
import { tk } from '../../i18n';
import { ActionToolbar } from './action-toolbar';
import type { CaseState } from '../../protection/types';
import { ClosureForm, ReopenForm } from './forms/closure-form';
import { ConsentForm } from './forms/consent-form';
import { CustodyForm } from './forms/custody-form';
import { ExploitationForm } from './forms/exploitation-form';
import { FamilyReturnForm } from './forms/family-return-form';
import { FollowUpForm } from './forms/follow-up-form';
import { GuardianshipForm } from './forms/guardianship-form';
import { IdentificationForm } from './forms/identification-form';
import type { CaseFormProps } from './forms/props';
import { ReferralForm } from './forms/referral-form';
import { RepatriationForm } from './forms/repatriation-form';
import { RestitutionForm } from './forms/restitution-form';
import { ServiceForm } from './forms/service-form';

interface Action {
  id: string;
  label: string;
  form: ComponentType<CaseFormProps>;
  when: (s: CaseState) => boolean;
}

const open = (s: CaseState) => s.status === 'open';

const ACTIONS: readonly Action[] = [
  {
    id: 'identification',
    label: tk('Record identification'),
    form: IdentificationForm,
    when: (s) => open(s) && s.identification.status !== 'identified',
  },
  { id: 'exploitation', label: tk('Record exploitation'), form: ExploitationForm, when: open },
  { id: 'consent', label: tk('Record consent'), form: ConsentForm, when: open },
  { id: 'referral', label: tk('Refer'), form: ReferralForm, when: open },
  { id: 'service', label: tk('Start a service'), form: ServiceForm, when: open },
  { id: 'custody', label: tk('Transfer custody'), form: CustodyForm, when: open },
  { id: 'guardianship', label: tk('Record guardianship consent'), form: GuardianshipForm, when: open },
  {
    id: 'family-return',
    label: tk('Return to the family'),
    form: FamilyReturnForm,
    when: (s) => open(s) && !s.custody.returnedToFamily,
  },
  { id: 'repatriation', label: tk('Record a repatriation'), form: RepatriationForm, when: open },
  { id: 'follow-up', label: tk('Record a follow-up'), form: FollowUpForm, when: open },
  { id: 'restitution', label: tk('Order restitution'), form: RestitutionForm, when: open },
  { id: 'closure', label: tk('Close the case'), form: ClosureForm, when: open },
  { id: 'reopen', label: tk('Reopen the case'), form: ReopenForm, when: (s) => s.status === 'closed' },
];

/** The steps that can be recorded on the case now; one form open at a time. */
export function CaseActions({ caseId, state }: { caseId: string; state: CaseState }) {
  const [current, setCurrent] = useState<string | null>(null);
  const available = ACTIONS.filter((a) => a.when(state));
  const action = available.find((a) => a.id === current);
  const Form = action?.form;
  return (
    <div className="case-actions">
      <ActionToolbar actions={available} current={current} onChoose={setCurrent} />
      {Form && <Form key={action.id} caseId={caseId} state={state} onDone={() => setCurrent(null)} />}
    </div>
  );
}
