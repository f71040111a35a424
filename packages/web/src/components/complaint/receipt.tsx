import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The receipt code, shown once: the server keeps only its hash and cannot show it again. */
export function ReceiptPanel({ receipt, onDone }: { receipt: string; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel notice complaint-receipt" aria-labelledby="receipt-heading" data-testid="receipt-panel">
      <h2 id="receipt-heading" ref={heading} tabIndex={-1}>
        {t('Your complaint was received')}
      </h2>
      <p>{t('Your receipt code:')}</p>
      <p className="receipt-code" data-testid="receipt-code" translate="no">
        {receipt}
      </p>
      <p>
        <strong>{t('Write this code down now and keep it somewhere safe.')}</strong>{' '}
        {t(
          'It is shown only once: nobody can show it to you again or recover it. With it you can check the status of your complaint on this page.',
        )}
      </p>
      <p className="field-hint">{t('Do not share it: anyone with the code can see the status and outcome.')}</p>
      <button type="button" className="button" onClick={onDone} data-testid="receipt-done">
        {t('I have written it down')}
      </button>
    </section>
  );
}
