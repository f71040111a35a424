import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { importErrors, spreadsheetType, templateUrl, useImportRecords } from '../../registers/queries';
import { formatNumber } from '../../registers/format';
import { Alert } from '../field';
import { problemMessage } from '../problem';

/**
 * Import a spreadsheet (CSV or XLSX) into a register: the template's header names the columns;
 * the server imports every row, or none and says which row and column is wrong.
 */
export function ImportPanel({ register, onClose }: { register: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const mutation = useImportRecords(register);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const refused = importErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setChoiceError(t('Choose a .csv or .xlsx file.'));
    const type = spreadsheetType(file.name);
    if (!type) return setChoiceError(t('Only .csv and .xlsx files can be imported.'));
    setChoiceError(undefined);
    mutation.mutate(
      { file, type },
      {
        onSuccess: () => {
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  return (
    <section className="panel register-import" aria-label={t('Import a spreadsheet')} data-testid="register-import">
      <h2>{t('Import a spreadsheet')}</h2>
      <p className="field-hint">
        {t(
          'The first row names the columns, as in the template. Every row is checked first: if any row is wrong, nothing is imported.',
        )}
      </p>
      <p>
        <a href={templateUrl(register)} download={`${register}-template.csv`} data-testid="register-import-template">
          {t('Download the CSV template')}
        </a>
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <div className={`field${choiceError ? ' field-invalid' : ''}`}>
          <label htmlFor={`import-${register}`}>{t('Spreadsheet (.csv or .xlsx)')}</label>
          <input
            ref={input}
            id={`import-${register}`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChoiceError(undefined);
              mutation.reset();
            }}
            data-testid="register-import-file"
          />
          {choiceError && <p className="field-error">{choiceError}</p>}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            data-testid="register-import-submit"
          >
            {mutation.isPending ? t('Importing…') : t('Import')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('Close')}
          </button>
        </div>
      </form>
      {mutation.isSuccess && (
        <Alert kind="success" testId="register-import-done">
          {t('Rows imported: {{rows}}.', { rows: formatNumber(mutation.data.rows, i18n.language) })}
        </Alert>
      )}
      {mutation.isError && !refused && (
        <Alert testId="register-import-failed">{problemMessage(mutation.error, t)}</Alert>
      )}
      {refused && (
        <div className="alert alert-error" role="alert" data-testid="register-import-errors">
          <p>
            <strong>{t('Nothing was imported.')}</strong>{' '}
            {t('Correct the rows below and import the whole file again. Problems found: {{total}}.', {
              total: formatNumber(refused.total, i18n.language),
            })}
          </p>
          <table className="table register-import-table">
            <thead>
              <tr>
                <th scope="col">{t('Row')}</th>
                <th scope="col">{t('Column')}</th>
                <th scope="col">{t('Problem')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.errors.map((e, i) => (
                <tr key={i} data-testid="register-import-error" data-row={e.row} data-column={e.column}>
                  <td data-label={t('Row')}>{e.row}</td>
                  <td data-label={t('Column')} translate="no">
                    {e.column}
                  </td>
                  <td data-label={t('Problem')}>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {refused.total > refused.errors.length && (
            <p className="muted">
              {t('Only the first {{shown}} problems are shown.', { shown: refused.errors.length })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
