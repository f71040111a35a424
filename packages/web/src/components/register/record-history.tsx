import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../registers/form';
import { formatValue, type FormatContext } from '../../registers/format';
import { fieldLabel } from '../../registers/labels';
import type { RecordedBy, RegisterHistoryEntry, RegisterInfo } from '../../registers/types';
import { Section } from '../case/section';
import { formatDateTime } from '../format';
import { tk } from '../../i18n';
import { label, type Labels } from '../../protection/labels';
import { useCurrentUser } from '../../queries';
import type { SessionUser } from '../../types';

const KINDS: Labels = {
  created: tk('Recorded'),
  updated: tk('Changed'),
  imported: tk('Imported from a spreadsheet'),
};

/** Who recorded a version: the user's name when the server gives it or it is the signed-in user, else the user's id. */
function who(by: RecordedBy, me: SessionUser, t: TFunction): string {
  if (!by) return '';
  const id = typeof by === 'string' ? by : (by.id ?? '');
  if (id === me.id) return me.displayName;
  if (typeof by === 'object' && (by.displayName || by.username)) return (by.displayName || by.username)!;
  return id ? t('user {{id}}', { id: id.slice(0, 8) }) : '';
}

/** Every version of a record, oldest first: when, who, and what changed from the version before. */
export function RecordHistory({
  register,
  history,
  ctx,
}: {
  register: RegisterInfo;
  history: RegisterHistoryEntry[];
  ctx: FormatContext;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const names = register.fields.map((f) => f.name);
  const ordered = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <Section title={t('History')} testId="register-history">
      <ol className="history register-history">
        {ordered.map((entry, i) => {
          const before = i > 0 ? ordered[i - 1]!.data : undefined;
          const changes = before ? changedFields(before, entry.data, names) : [];
          const by = who(entry.recordedBy, me, t);
          return (
            <li key={entry.seq} data-testid={`register-history-${entry.kind}`}>
              <span className="history-date">{formatDateTime(entry.recordedAt, i18n.language)}</span>
              <span>
                <strong>{label(KINDS, entry.kind, t)}</strong>
                {by && <span className="muted"> — {t('by {{who}}', { who: by })}</span>}
                {changes.length > 0 && (
                  <ul className="register-changes">
                    {changes.map((name) => {
                      const spec = register.fields.find((f) => f.name === name);
                      const from = formatValue(spec, name, before?.[name], ctx) || '—';
                      const to = formatValue(spec, name, entry.data[name], ctx) || '—';
                      return (
                        <li key={name} data-testid="register-change" data-field={name}>
                          {fieldLabel(register.id, name, t)}: {from} → {to}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
