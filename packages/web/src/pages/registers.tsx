import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page-title';
import { ErrorPanel, Loading } from '../components/status';
import { tk } from '../i18n';
import { REGISTER_GROUPS, registerDescription, registerName } from '../registers/labels';
import { useRegisterDefinitions } from '../registers/queries';
import '../registers/registers.css';

/** The registers the user may read, grouped (prevention, labour, planning, consular and border). */
export function RegistersPage() {
  const { t } = useTranslation();
  usePageTitle(t('Registers'));
  const query = useRegisterDefinitions();
  const readable = query.data?.registers.map((r) => r.id) ?? [];
  const grouped = new Set(REGISTER_GROUPS.flatMap((g) => g.registers));
  const groups = [
    ...REGISTER_GROUPS.map((g) => ({ ...g, registers: g.registers.filter((id) => readable.includes(id)) })),
    { id: 'other', label: tk('Other'), registers: readable.filter((id) => !grouped.has(id)) },
  ].filter((g) => g.registers.length > 0);

  return (
    <section className="page">
      <div className="page-head">
        <h1>{t('Registers')}</h1>
      </div>
      <p className="muted">
        {t('Prevention and oversight records: what was done, where, by whom, and what was found.')}
      </p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <div className="register-groups">
          {groups.map((group) => (
            <section
              key={group.id}
              className="register-group"
              aria-label={t(group.label)}
              data-testid={`register-group-${group.id}`}
            >
              <h2>{t(group.label)}</h2>
              <ul className="cards">
                {group.registers.map((id) => (
                  <li key={id}>
                    <Link className="card register-card" to={`/registers/${id}`} data-testid={`register-link-${id}`}>
                      <strong>{registerName(id, t)}</strong>
                      <span>{registerDescription(id, t)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
