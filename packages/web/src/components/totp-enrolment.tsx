import { useTranslation } from 'react-i18next';

/** Shows a new TOTP secret to type into an authenticator app (no QR library is shipped). */
export function TotpEnrolment({ secret, uri }: { secret: string; uri?: string | undefined }) {
  const { t } = useTranslation();
  const grouped =
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret;
  return (
    <section className="panel enrol" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('Set up your authenticator app')}</h2>
      <ol>
        <li>
          {t(
            'Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or FreeOTP).',
          )}
        </li>
        <li>{t('Add an account and choose to enter a setup key.')}</li>
        <li>
          {t('Type this key:')}{' '}
          <code className="secret" data-testid="totp-secret" translate="no">
            {grouped}
          </code>
        </li>
        <li>{t('Enter the 6-digit code the app shows below.')}</li>
      </ol>
      {uri && (
        <p>
          <a href={uri}>{t('On this phone? Open the setup link in your authenticator app.')}</a>
        </p>
      )}
    </section>
  );
}
