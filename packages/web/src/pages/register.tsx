import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { ImportPanel } from '../components/register/import-panel';
import { RegisterRecordForm } from '../components/register/record-form';
import { ErrorPanel, Loading, NotFound } from '../components/status';
import { useConfig, useCurrentUser } from '../queries';
import { formatValue, summaryColumns, titleFields, type FormatContext } from '../registers/format';
import { registerDescription, registerName } from '../registers/labels';
import { useFormatContext } from '../registers/names';
import { useCreateRecord, useRegisterDefinition, useRegisterRecords } from '../registers/queries';
import type { FieldSpec, RecordData, RegisterInfo, RegisterRecord } from '../registers/types';
import '../registers/registers.css';

type Panel = 'none' | 'new' | 'import';

/** One register: its newest records (the definition's summary columns), a new record and an import for writers. */
export function RegisterPage() {
  const { t } = useTranslation();
  const register = useParams().register ?? '';
  const { query, definition, checklists, bondage } = useRegisterDefinition(register);
  const records = useRegisterRecords(register, Boolean(definition));
  const ctx = useFormatContext(definition ?? undefined);
  const [panel, setPanel] = useState<Panel>('none');
  const [created, setCreated] = useState<RegisterRecord | null>(null);
  usePageTitle(registerName(register, t));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (!definition) return <NotFound />;
  const open = (next: Panel) => {
    setCreated(null);
    setPanel(next);
  };

  return (
    <section className="page">
      <p>
        <Link to="/registers">{t('← Registers')}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="register-title">{registerName(register, t)}</h1>
      </div>
      <p className="muted">{registerDescription(register, t)}</p>
      {definition.canWrite && panel === 'none' && (
        <p className="register-buttons">
          <button
            type="button"
            className="button button-primary"
            onClick={() => open('new')}
            data-testid="register-new"
          >
            {t('New record')}
          </button>
          <button type="button" className="button" onClick={() => open('import')} data-testid="register-import-open">
            {t('Import a spreadsheet')}
          </button>
        </p>
      )}
      {created && (
        <Alert kind="success" testId="register-created">
          {t('Recorded.')}{' '}
          <Link to={`/registers/${register}/${created.id}`} data-testid="register-created-link">
            {t('Open the record')}
          </Link>
        </Alert>
      )}
      {panel === 'new' && (
        <NewRecord
          definition={definition}
          checklists={checklists}
          bondage={bondage}
          onDone={(record) => {
            setPanel('none');
            setCreated(record);
          }}
        />
      )}
      {panel === 'import' && <ImportPanel register={register} onClose={() => setPanel('none')} />}
      {records.isPending && <Loading />}
      {records.isError && <ErrorPanel error={records.error} onRetry={() => void records.refetch()} />}
      {records.data && records.data.records.length === 0 && (
        <p data-testid="register-empty">{t('Nothing recorded yet.')}</p>
      )}
      {records.data && records.data.records.length > 0 && (
        <RecordTable definition={definition} records={records.data.records} ctx={ctx} />
      )}
    </section>
  );
}

/** The values a new record starts with: the user's own organisation where the field allows its type. */
function useStartValues(definition: RegisterInfo): RecordData {
  const user = useCurrentUser();
  const type = useConfig().data?.organisations.find((o) => o.id === user.organisation.id)?.type;
  const data: RecordData = {};
  for (const f of definition.fields) {
    if (
      f.kind === 'organisation' &&
      !f.readOnly &&
      type &&
      (!f.organisationTypes || f.organisationTypes.includes(type))
    ) {
      data[f.name] = user.organisation.id;
    }
  }
  return data;
}

function NewRecord({
  definition,
  checklists,
  bondage,
  onDone,
}: {
  definition: RegisterInfo;
  checklists?: Record<string, string[]> | undefined;
  bondage?: readonly string[] | undefined;
  onDone: (record: RegisterRecord | null) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRecord(definition.id);
  const initial = useStartValues(definition);
  return (
    <RegisterRecordForm
      register={definition}
      title={t('New record: {{register}}', { register: registerName(definition.id, t) })}
      submitLabel={t('Save the record')}
      initial={initial}
      checklists={checklists}
      bondage={bondage}
      pending={create.isPending}
      error={create.error}
      onSubmit={(data) => create.mutate(data, { onSuccess: ({ record }) => onDone(record) })}
      onCancel={() => onDone(null)}
    />
  );
}

/** A summary value as shown in a table cell: flags (true) stand out. */
function cellValue(spec: FieldSpec | undefined, name: string, value: unknown, ctx: FormatContext): ReactNode {
  const text = formatValue(spec, name, value, ctx);
  return value === true ? <span className="badge badge-error">{text}</span> : text;
}

function RecordTable({
  definition,
  records,
  ctx,
}: {
  definition: RegisterInfo;
  records: RegisterRecord[];
  ctx: FormatContext;
}) {
  const { t } = useTranslation();
  const columns = summaryColumns(definition, t);
  const linked = titleFields(definition)[0];
  return (
    <div className="table-scroll">
      <table className="table" data-testid="register-table">
        <caption className="visually-hidden">{registerName(definition.id, t)}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="register-row" data-id={r.id}>
              {columns.map((c) => {
                const value = cellValue(c.spec, c.name, r.data[c.name], ctx);
                return (
                  <td
                    key={c.name}
                    data-label={c.label}
                    data-testid={`register-cell-${c.name}`}
                    data-value={typeof r.data[c.name] === 'object' ? undefined : String(r.data[c.name] ?? '')}
                  >
                    {c.name === linked ? (
                      <Link to={`/registers/${definition.id}/${r.id}`} data-testid="register-record-link">
                        {value || t('(not recorded)')}
                      </Link>
                    ) : (
                      value
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
