import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError, post, setCsrfToken } from '../api';
import { AuthCard } from '../components/auth-card';
import { Alert, TextField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { fieldErrorOf, problemMessage } from '../components/problem';
import { sessionKey, useSession } from '../queries';
import type { Session } from '../types';

interface LoginBody {
  username: string;
  password: string;
  totp?: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('Sign in'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const from = safeFrom(useLocation().state);
  const session = useSession();

  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [mfaStep, setMfaStep] = useState(false);

  const login = useMutation({
    mutationFn: (body: LoginBody) => post<Session>('/api/auth/login', body),
    onSuccess: (result) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(sessionKey, result);
      void navigate(from, { replace: true });
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.code === 'mfa_required' || error.code === 'mfa_invalid') setMfaStep(true);
      if (error.code === 'invalid_credentials') {
        setMfaStep(false);
        setTotp('');
      }
    },
  });

  if (session.data) return <Navigate to={from} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = totp.replace(/\s+/g, '');
    login.mutate(
      mfaStep && code ? { username: username.trim(), password, totp: code } : { username: username.trim(), password },
    );
  };

  const error = login.error;
  const code = isApiError(error) ? error.code : undefined;
  let formError: string | undefined;
  if (error && code === 'invalid_credentials') formError = t('Wrong username or password.');
  else if (error && code !== 'mfa_required' && code !== 'mfa_invalid') formError = problemMessage(error, t);
  const totpError =
    code === 'mfa_invalid' ? t('That code is not correct. Enter the current code from your app.') : undefined;

  return (
    <AuthCard title={t('Sign in')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {formError && <Alert testId="login-error">{formError}</Alert>}
        <TextField
          label={t('Username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={fieldErrorOf(error, 'username')}
          data-testid="login-username"
        />
        <TextField
          label={t('Password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrorOf(error, 'password')}
          data-testid="login-password"
        />
        {mfaStep && (
          <TextField
            label={t('6-digit code')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            autoFocus
            required
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
            hint={t('Enter the 6-digit code from your authenticator app.')}
            error={totpError ?? fieldErrorOf(error, 'totp')}
            data-testid="login-totp"
          />
        )}
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={login.isPending}
          data-testid="login-submit"
        >
          {login.isPending ? t('Signing in…') : t('Sign in')}
        </button>
      </form>
      <p className="auth-help">{t('Forgot your password? Ask your administrator for a new set-password link.')}</p>
      <p className="auth-help">
        <Link to="/report-corruption" data-testid="report-corruption-link">
          {t('Report corruption — no account needed')}
        </Link>
      </p>
      <p className="auth-help">
        <Link to="/public/statistics" data-testid="public-statistics-link">
          {t('Public statistics — no account needed')}
        </Link>
      </p>
    </AuthCard>
  );
}

/** Where to go after signing in: the page that sent the user here, if it is one of ours. */
function safeFrom(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  return from.startsWith('/login') ? '/' : from;
}
