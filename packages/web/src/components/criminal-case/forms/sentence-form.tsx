import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suspectsFor } from '../../../prosecution/suspects';
import { useConfig } from '../../../queries';
import { TextField } from '../../field';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

const whole = (v: string) => v.replace(/\D/g, '');
const decimal = (v: string) => v.replace(/[^\d.]/g, '');

/** The sentence of a convicted suspect: prison (part suspended), fine, restitution to each linked victim. */
export function SentenceForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const suspects = suspectsFor(record.state, 'sentence');
  const victims = record.state.victims ?? [];
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  const [prison, setPrison] = useState('');
  const [suspended, setSuspended] = useState('0');
  const [fine, setFine] = useState('');
  const [currency, setCurrency] = useState(useConfig().data?.currency ?? '');
  const [restitution, setRestitution] = useState<Record<string, string>>({});
  const lines = victims
    .filter((v) => Number(restitution[v.victimCaseId] ?? 0) > 0)
    .map((v) => ({ victimCaseId: v.victimCaseId, amount: Number(restitution[v.victimCaseId]), currency }));
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Record the sentence')}
      submitLabel={t('Record the sentence')}
      testId="sentence-form"
      fields={['suspectId', 'prisonMonths', 'suspendedMonths', 'fine', 'restitution']}
      onDone={onDone}
      build={(occurredOn) => {
        if (!suspectId || !prison || !suspended || ((fine || lines.length > 0) && !currency)) return null;
        return {
          type: 'sentence',
          occurredOn,
          suspectId,
          prisonMonths: Number(prison),
          suspendedMonths: Number(suspended),
          ...(fine && { fine: { amount: Number(fine), currency } }),
          ...(lines.length > 0 && { restitution: lines }),
        };
      }}
    >
      {(error) => (
        <>
          <SuspectSelect
            state={record.state}
            suspects={suspects}
            value={suspectId}
            onChange={setSuspectId}
            error={error('suspectId', suspectId)}
            testId="sentence-suspect"
          />
          <TextField
            label={t('Prison (months)')}
            inputMode="numeric"
            value={prison}
            onChange={(e) => setPrison(whole(e.target.value))}
            error={error('prisonMonths', prison)}
            data-testid="sentence-prison"
          />
          <TextField
            label={t('Of which suspended (months)')}
            inputMode="numeric"
            value={suspended}
            onChange={(e) => setSuspended(whole(e.target.value))}
            error={error('suspendedMonths', suspended)}
            data-testid="sentence-suspended"
          />
          <TextField
            label={t('Fine (optional)')}
            inputMode="decimal"
            value={fine}
            onChange={(e) => setFine(decimal(e.target.value))}
            error={error('fine.amount') ?? error('fine')}
            data-testid="sentence-fine"
          />
          <TextField
            label={t('Currency')}
            hint={t('ISO 4217 code, e.g. USD.')}
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
            error={error('fine.currency') ?? error('restitution.0.currency')}
          />
          {victims.map((v, i) => (
            <TextField
              key={v.victimCaseId}
              label={t('Restitution to victim case {{n}} (optional)', { n: i + 1 })}
              inputMode="decimal"
              value={restitution[v.victimCaseId] ?? ''}
              onChange={(e) => setRestitution({ ...restitution, [v.victimCaseId]: decimal(e.target.value) })}
              error={error(`restitution.${lines.findIndex((l) => l.victimCaseId === v.victimCaseId)}`)}
              data-testid={`sentence-restitution-${i + 1}`}
            />
          ))}
        </>
      )}
    </CriminalEventForm>
  );
}
