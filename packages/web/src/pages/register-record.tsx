import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts } from '../components/case/section';
import { usePageTitle } from '../components/page-title';
import { InspectionActions } from '../components/register/inspection-actions';
import { RecordHistory } from '../components/register/record-history';
import { RegisterRecordForm } from '../components/register/record-form';
import { ErrorPanel, Loading, NotFound } from '../components/status';
import { useCurrentUser } from '../queries';
import { formatValue, type FormatContext } from '../registers/format';
import { fieldLabel, registerName } from '../registers/labels';
import { recordTitle, useFormatContext } from '../registers/names';
import { useRegisterDefinition, useRegisterRecord, useUpdateRecord } from '../registers/queries';
import type { RegisterInfo, RegisterRecord } from '../registers/types';
import '../registers/registers.css';

/** One register record: every field, translated; editing (with the version read); its history; an inspection's referrals. */
export function RegisterRecordPage() {
  const { t } = useTranslation();
  const params = useParams();
  const register = params.register ?? '';
  const id = params.id ?? '';
  const { query: definitions, definition, checklists, bondage } = useRegisterDefinition(register);
  const query = useRegisterRecord(register, id);
  const ctx = useFormatContext(definition ?? undefined);
  const [editing, setEditing] = useState(false);
  const record = query.data?.record;
  const title = record && definition ? recordTitle(definition, record, ctx) : '';
  usePageTitle(title || registerName(register, t));

  if (definitions.isPending || query.isPending) return <Loading />;
  if (definitions.isError) return <ErrorPanel error={definitions.error} onRetry={() => void definitions.refetch()} />;
  if (!definition) return <NotFound />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const found = query.data.record;

  return (
    <section className="page case-page">
      <p>
        <Link to={`/registers/${register}`}>← {registerName(register, t)}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="register-record-title">{title}</h1>
        <span className="muted" data-testid="register-record-version">
          {t('Version {{version}}', { version: found.version })}
        </span>
      </div>
      <RecordFacts definition={definition} record={found} ctx={ctx} />
      {definition.canWrite && !editing && (
        <p>
          <button type="button" className="button" onClick={() => setEditing(true)} data-testid="register-edit">
            {t('Edit')}
          </button>
        </p>
      )}
      {editing && (
        <EditRecord
          definition={definition}
          record={found}
          checklists={checklists}
          bondage={bondage}
          onDone={() => setEditing(false)}
        />
      )}
      {register === 'inspections' && definition.canWrite && <InspectionActions record={found} />}
      <RecordHistory register={definition} history={query.data.history} ctx={ctx} />
    </section>
  );
}

/** Every field of the record (its definition's, then derived ones), with links to the victim cases it opened. */
function RecordFacts({
  definition,
  record,
  ctx,
}: {
  definition: RegisterInfo;
  record: RegisterRecord;
  ctx: FormatContext;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const names = [
    ...definition.fields.map((f) => f.name),
    ...Object.keys(record.data).filter((k) => !definition.fields.some((f) => f.name === k)),
  ];
  const value = (name: string): ReactNode => {
    const raw = record.data[name];
    if (name === 'victimCaseIds' && Array.isArray(raw)) {
      if (raw.length === 0) return '';
      const mayOpen = user.actions.includes('case.read');
      return (
        <span className="items-inline">
          {raw.map((caseId, i) => (
            <span key={String(caseId)}>
              {i > 0 && ', '}
              {mayOpen ? (
                <Link to={`/cases/${String(caseId)}`} data-testid="register-victim-case">
                  {t('Victim case {{n}}', { n: i + 1 })}
                </Link>
              ) : (
                t('Victim case {{n}}', { n: i + 1 })
              )}
            </span>
          ))}
        </span>
      );
    }
    return formatValue(
      definition.fields.find((f) => f.name === name),
      name,
      raw,
      ctx,
    );
  };
  return (
    <section className="panel" aria-label={t('Record')} data-testid="register-record">
      <Facts items={names.map((name) => [fieldLabel(definition.id, name, t), value(name)])} />
    </section>
  );
}

function EditRecord({
  definition,
  record,
  checklists,
  bondage,
  onDone,
}: {
  definition: RegisterInfo;
  record: RegisterRecord;
  checklists?: Record<string, string[]> | undefined;
  bondage?: readonly string[] | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateRecord(definition.id, record.id);
  return (
    <RegisterRecordForm
      register={definition}
      title={t('Edit the record')}
      submitLabel={t('Save changes')}
      initial={record.data}
      checklists={checklists}
      bondage={bondage}
      pending={update.isPending}
      error={update.error}
      onSubmit={(data) => update.mutate({ data, version: record.version }, { onSuccess: onDone })}
      onCancel={onDone}
      testId="register-edit-form"
    />
  );
}
