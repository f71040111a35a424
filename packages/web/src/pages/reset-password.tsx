import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { post } from '../api';
import { AuthCard } from '../components/auth-card';
import { Alert, TextField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { fieldErrorOf, problemMessage } from '../components/problem';
import { TotpEnrolment } from '../components/totp-enrolment';
import type { ResetStart } from '../types';

const MIN_PASSWORD = 12;

/** Set a password from a one-time link, enrolling the authenticator app when the server asks. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('Set your password'));
  const token = useSearchParams()[0].get('token') ?? '';

  // reset/start is a POST but reads only; a query runs it once per token (also under StrictMode).
  const start = useQuery({
    queryKey: ['reset-start', token],
    queryFn: () => post<ResetStart>('/api/auth/reset/start', { token }),
    enabled: token !== '',
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });

  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [totp, setTotp] = useState('');
  const [checked, setChecked] = useState(false);
  const complete = useMutation({
    mutationFn: (body: { token: string; password: string; totp?: string }) =>
      post<void>('/api/auth/reset/complete', body),
  });

  if (!token || start.isError) {
    return (
      <AuthCard title={t('Set your password')}>
        <Alert>{start.isError ? problemMessage(start.error, t) : t('This link is not complete.')}</Alert>
        <p>{t('Ask your administrator for a new set-password link.')}</p>
        <p>
          <Link to="/login">{t('Go to sign in')}</Link>
        </p>
      </AuthCard>
    );
  }
  if (start.isPending) {
    return (
      <AuthCard title={t('Set your password')}>
        <p role="status">{t('Loading…')}</p>
      </AuthCard>
    );
  }
  if (complete.isSuccess) {
    return (
      <AuthCard title={t('Password set')}>
        <Alert kind="success">{t('Your password is set. You can now sign in.')}</Alert>
        <Link className="button button-primary button-block" to="/login">
          {t('Go to sign in')}
        </Link>
      </AuthCard>
    );
  }

  const info = start.data;
  const code = totp.replace(/\s+/g, '');
  const tooShort = password.length < MIN_PASSWORD;
  const mismatch = password !== confirm;
  const missingCode = info.mfaRequired && !/^\d{6}$/.test(code);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (tooShort || mismatch || missingCode) return;
    complete.mutate(info.mfaRequired ? { token, password, totp: code } : { token, password });
  };

  const error = complete.error;
  const fieldErrors = new Set(['password', 'totp', 'token']);
  const hasFieldError = [...fieldErrors].some((f) => fieldErrorOf(error, f));

  return (
    <AuthCard title={t('Set your password')}>
      <p>
        {t('Account')}: <strong data-testid="reset-username">{info.username}</strong>
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {error && !hasFieldError && <Alert>{problemMessage(error, t)}</Alert>}
        {fieldErrorOf(error, 'token') && <Alert>{fieldErrorOf(error, 'token')}</Alert>}
        <TextField
          label={t('New password')}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('At least 12 characters. Avoid common passwords; a few unrelated words work well.')}
          error={
            (checked && tooShort ? t('Use at least 12 characters.') : undefined) ?? fieldErrorOf(error, 'password')
          }
          data-testid="reset-password"
        />
        <TextField
          label={t('Repeat the new password')}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={checked && mismatch ? t('The two passwords are not the same.') : undefined}
          data-testid="reset-confirm"
        />
        {info.mfaRequired && (
          <>
            {info.totpSecret && <TotpEnrolment secret={info.totpSecret} uri={info.otpauthUri} />}
            <TextField
              label={t('6-digit code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              hint={t('Enter the 6-digit code from your authenticator app.')}
              error={
                (checked && missingCode ? t('Enter the 6 digits shown in your app.') : undefined) ??
                fieldErrorOf(error, 'totp')
              }
              data-testid="reset-totp"
            />
          </>
        )}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={complete.isPending}
          data-testid="reset-submit"
        >
          {t('Set password')}
        </button>
      </form>
    </AuthCard>
  );
}
