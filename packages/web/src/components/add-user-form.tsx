import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api';
import { localName } from '../i18n';
import type { PublicConfig, UserRow } from '../types';
import { Alert, TextField } from './field';
import { fieldErrorOf, problemMessage } from './problem';

interface Props {
  config: PublicConfig;
  onCreated: (username: string, resetToken: string) => void;
  onCancel: () => void;
}

interface NewUser {
  username: string;
  displayName: string;
  organisationId: string;
  roles: string[];
}

/** Adds a user; the server answers with a one-time set-password token (no admin-set passwords). */
export function AddUserForm({ config, onCreated, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form, setForm] = useState<NewUser>({ username: '', displayName: '', organisationId: '', roles: [] });
  const [checked, setChecked] = useState(false);
  const create = useMutation({
    mutationFn: (body: NewUser) => post<{ user: UserRow; resetToken: string }>('/api/users', body),
    onSuccess: (result) => onCreated(result.user.username, result.resetToken),
  });

  const set = <K extends keyof NewUser>(key: K, value: NewUser[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleRole = (id: string, on: boolean) =>
    set('roles', on ? [...form.roles, id] : form.roles.filter((r) => r !== id));
  const required = (value: string) => (checked && !value.trim() ? t('This field is required.') : undefined);
  const error = create.error;
  const fieldError = (field: keyof NewUser) => fieldErrorOf(error, field);
  const organisations = [...config.organisations].sort((a, b) =>
    localName(a.name, lang).localeCompare(localName(b.name, lang), lang),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!form.username.trim() || !form.displayName.trim() || !form.organisationId || form.roles.length === 0) return;
    create.mutate({ ...form, username: form.username.trim(), displayName: form.displayName.trim() });
  };

  const orgError =
    (checked && !form.organisationId ? t('Choose an organisation.') : undefined) ?? fieldError('organisationId');
  const rolesError =
    (checked && form.roles.length === 0 ? t('Choose at least one role.') : undefined) ?? fieldError('roles');

  return (
    <form
      className="panel form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-user-title"
      data-testid="add-user-form"
    >
      <h2 id="add-user-title">{t('Add user')}</h2>
      {error && <Alert>{problemMessage(error, t)}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Username')}
          autoCapitalize="none"
          spellCheck={false}
          value={form.username}
          onChange={(e) => set('username', e.target.value)}
          error={required(form.username) ?? fieldError('username')}
          data-testid="new-username"
        />
        <TextField
          label={t('Display name')}
          value={form.displayName}
          onChange={(e) => set('displayName', e.target.value)}
          error={required(form.displayName) ?? fieldError('displayName')}
          data-testid="new-display-name"
        />
      </div>
      <div className={`field${orgError ? ' field-invalid' : ''}`}>
        <label htmlFor="new-organisation">{t('Organisation')}</label>
        <select
          id="new-organisation"
          value={form.organisationId}
          onChange={(e) => set('organisationId', e.target.value)}
          aria-invalid={orgError ? true : undefined}
          aria-describedby={orgError ? 'new-organisation-error' : undefined}
          data-testid="new-organisation"
        >
          <option value="">{t('Choose…')}</option>
          {organisations.map((org) => (
            <option key={org.id} value={org.id}>
              {localName(org.name, lang)}
            </option>
          ))}
        </select>
        {orgError && (
          <p className="field-error" id="new-organisation-error">
            {orgError}
          </p>
        )}
      </div>
      <fieldset
        className={`field checkboxes${rolesError ? ' field-invalid' : ''}`}
        aria-describedby={rolesError ? 'new-roles-error' : undefined}
      >
        <legend>{t('Roles')}</legend>
        {config.roles.map((role) => (
          <label key={role.id} className="checkbox">
            <input
              type="checkbox"
              checked={form.roles.includes(role.id)}
              onChange={(e) => toggleRole(role.id, e.target.checked)}
              data-testid={`new-role-${role.id}`}
            />
            <span>{localName(role.name, lang)}</span>
          </label>
        ))}
        {rolesError && (
          <p className="field-error" id="new-roles-error">
            {rolesError}
          </p>
        )}
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          data-testid="new-user-submit"
        >
          {t('Add user')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
