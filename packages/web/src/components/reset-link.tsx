import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A new one-time set-password link, shown to the administrator once, to hand to the user. */
export function ResetLink({ username, token, onDone }: { username: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const url = `${location.origin}/reset-password?token=${encodeURIComponent(token)}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // clipboard unavailable (plain http): the field stays selectable
    }
  };

  return (
    <section className="panel notice" role="status" aria-labelledby="reset-link-title" data-testid="reset-link">
      <h2 id="reset-link-title">{t('One-time set-password link for {{name}}', { name: username })}</h2>
      <p>
        {t('Give this link to the user in person or over a secure channel. It is shown only once and works only once.')}
      </p>
      <div className="copy-row">
        <input
          readOnly
          value={url}
          aria-label={t('Set-password link')}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="reset-link-url"
          translate="no"
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? t('Copied') : t('Copy')}
        </button>
      </div>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t('Done')}
      </button>
    </section>
  );
}
