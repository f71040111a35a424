import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api';
import { breakGlassKey } from '../../audit/types';
import { Alert, TextAreaField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';

/** Marks one break-glass event reviewed, with the supervisor's note. */
export function ReviewForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: () => post<void>(`/api/break-glass/${encodeURIComponent(eventId)}/review`, { note: note.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: breakGlassKey }),
  });

  if (!open) {
    return (
      <div>
        <span className="badge badge-pending">{t('Not reviewed')}</span>{' '}
        <button type="button" className="button" onClick={() => setOpen(true)} data-testid="break-glass-review">
          {t('Review')}
        </button>
      </div>
    );
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (note.trim()) review.mutate();
  };
  const problem = formProblem(review.error, ['note'], t);

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {problem && <Alert>{problem}</Alert>}
      <TextAreaField
        label={t('Review note')}
        value={note}
        maxLength={1000}
        required
        rows={2}
        onChange={(e) => setNote(e.target.value)}
        error={fieldErrorOf(review.error, 'note')}
        data-testid="break-glass-note"
      />
      <div className="row-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={review.isPending || !note.trim()}
          data-testid="break-glass-submit"
        >
          {t('Mark reviewed')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
