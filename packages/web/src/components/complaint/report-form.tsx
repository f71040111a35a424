import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { localName } from '../../i18n';
import { useConfig } from '../../queries';
import { Alert, SelectField, TextAreaField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { COMPLAINT_CATEGORIES } from './labels';
import { submitComplaint } from './public-api';
import type { ComplaintCategory, NewComplaint } from './types';

const FIELDS = ['category', 'province', 'agency', 'description', 'contact'] as const;

/** The public complaint form; `onReceipt` gets the receipt code (shown once, never stored here). */
export function ReportForm({ onReceipt }: { onReceipt: (receipt: string) => void }) {
  const { t, i18n } = useTranslation();
  const provinces = useConfig().data?.provinces ?? [];
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [province, setProvince] = useState('');
  const [agency, setAgency] = useState('');
  const [description, setDescription] = useState('');
  const [contact, setContact] = useState('');
  const [checked, setChecked] = useState(false);
  const submit = useMutation({
    mutationFn: submitComplaint,
    onSuccess: ({ receipt }) => {
      // Nothing of the complaint stays in the page once it is filed.
      setCategory('');
      setProvince('');
      setAgency('');
      setDescription('');
      setContact('');
      setChecked(false);
      onReceipt(receipt);
    },
  });

  const required = (value: string) => (checked && !value.trim() ? t('This field is required.') : undefined);
  const error = (field: string, value?: string) =>
    (value !== undefined ? required(value) : undefined) ?? fieldErrorOf(submit.error, field);
  const general =
    isApiError(submit.error) && submit.error.status === 429
      ? t('Too many attempts from your connection. Wait a few minutes and try again.')
      : formProblem(submit.error, FIELDS, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!category || !description.trim()) return;
    const body: NewComplaint = { category, description: description.trim() };
    if (province) body.province = province;
    if (agency.trim()) body.agency = agency.trim();
    if (contact.trim()) body.contact = contact.trim();
    submit.mutate(body);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('Report corruption')} data-testid="report-form">
      {general && <Alert>{general}</Alert>}
      <SelectField
        label={t('What happened?')}
        value={category}
        onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')}
        error={error('category', category)}
        required
        data-testid="report-category"
      >
        <option value="">{t('Choose…')}</option>
        {Object.entries(COMPLAINT_CATEGORIES).map(([code, key]) => (
          <option key={code} value={code}>
            {t(key)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('Province (optional)')}
        value={province}
        onChange={(e) => setProvince(e.target.value)}
        error={error('province')}
        data-testid="report-province"
      >
        <option value="">{t('Not stated')}</option>
        {provinces.map((p) => (
          <option key={p.code} value={p.code}>
            {localName(p.name, i18n.language)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('Agency or office (optional)')}
        hint={t('For example: a police post, a court, a ministry department.')}
        value={agency}
        maxLength={200}
        onChange={(e) => setAgency(e.target.value)}
        error={error('agency')}
        data-testid="report-agency"
      />
      <TextAreaField
        label={t('Describe what happened')}
        hint={t('When and where, who was involved, what was asked or done. At least 20 characters.')}
        rows={7}
        value={description}
        maxLength={10_000}
        onChange={(e) => setDescription(e.target.value)}
        error={error('description', description)}
        required
        data-testid="report-description"
      />
      <TextAreaField
        label={t('How to contact you (optional)')}
        hint={t(
          'Only if you want the oversight body to be able to reach you. It is stored encrypted and only oversight can read it. Leave it empty to stay anonymous.',
        )}
        rows={2}
        value={contact}
        maxLength={500}
        onChange={(e) => setContact(e.target.value)}
        error={error('contact')}
        data-testid="report-contact"
      />
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={submit.isPending}
        data-testid="report-submit"
      >
        {submit.isPending ? t('Sending…') : t('Send the complaint')}
      </button>
    </form>
  );
}
