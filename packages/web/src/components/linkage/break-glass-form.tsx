import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, TextAreaField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { useBreakGlass } from './queries';

/** Opens a restricted person's identity for 30 minutes: the reason is audited and reviewed by a supervisor. */
export function BreakGlassForm({ pairId, personId }: { pairId: string; personId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const glass = useBreakGlass(pairId);
  if (!open)
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="linkage-break-glass">
        {t('Break the glass to compare identities')}
      </button>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    glass.mutate({ personId, reason: reason.trim() });
  };
  const problem = formProblem(glass.error, ['reason'], t);
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {problem && <Alert>{problem}</Alert>}
      <TextAreaField
        label={t('Why do you need this identity?')}
        hint={t('At least 20 characters. Your reason is recorded and reviewed by a supervisor.')}
        value={reason}
        minLength={20}
        maxLength={1000}
        rows={2}
        required
        onChange={(e) => setReason(e.target.value)}
        error={fieldErrorOf(glass.error, 'reason')}
        data-testid="linkage-break-glass-reason"
      />
      <div className="row-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={glass.isPending || reason.trim().length < 20}
          data-testid="linkage-break-glass-submit"
        >
          {t('Open the identity for 30 minutes')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
