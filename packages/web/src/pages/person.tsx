import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Facts } from '../components/case/section';
import { usePageTitle } from '../components/page-title';
import { personNames, scriptLang } from '../components/protection/person-names';
import { ErrorPanel, Loading } from '../components/status';
import { CASE_STATUSES, label, SEXES } from '../protection/labels';
import { useNames } from '../protection/names';
import { useCases, usePerson } from '../protection/queries';
import { useCurrentUser } from '../queries';

/** One person: statistical attributes, their identity when the user may see it, and their cases. */
export function PersonPage() {
  const { t } = useTranslation();
  usePageTitle(t('Person'));
  const id = useParams().id ?? '';
  const user = useCurrentUser();
  const names = useNames();
  const withIdentity = user.actions.includes('person.read_identity');
  const query = usePerson(id, withIdentity);
  const cases = useCases('', user.actions.includes('case.read'));

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  const person = query.data.person;
  const identity = person.identity;
  const theirCases = (cases.data?.cases ?? []).filter((c) => c.personId === person.id);

  return (
    <section className="page">
      <p>
        <Link to="/people">{t('← People')}</Link>
      </p>
      <h1 className="name-list" data-testid="person-title">
        {personNames(person).map((n, i) => (
          <span key={i} lang={scriptLang(n.script)}>
            {n.text}
          </span>
        ))}
        {personNames(person).length === 0 && t('Person')}
      </h1>
      {person.erased && <p className="alert alert-info">{t('This person’s identity was erased.')}</p>}
      <div className="panel">
        <Facts
          items={[
            [t('Sex'), label(SEXES, person.sex, t) || '—'],
            [t('Birth year'), person.birthYear ?? '—'],
            [t('Nationality'), names.country(person.nationality) || '—'],
            [t('Province'), names.province(person.province) || '—'],
            [t('Organisation'), names.org(person.organisationId) || '—'],
            [t('Date of birth'), identity?.dateOfBirth],
            [t('Other names'), identity?.aliases?.join(', ')],
            [
              t('Phones'),
              identity?.phones?.length ? <span data-testid="person-phones">{identity.phones.join(', ')}</span> : null,
            ],
            [
              t('Documents'),
              identity?.documents
                ?.map((d) => `${d.number}${d.country ? ` (${names.country(d.country)})` : ''}`)
                .join(', '),
            ],
            [t('Addresses'), identity?.addresses?.map((a) => a.text).join('; ')],
          ]}
        />
        {!identity && !person.erased && <p className="muted">{t('The identity is not shown to your account.')}</p>}
      </div>
      {theirCases.length > 0 && (
        <div className="panel">
          <h2>{t('Cases')}</h2>
          <ul>
            {theirCases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`}>{c.caseNumber ?? c.id}</Link>{' '}
                {c.state && <span className="muted">{label(CASE_STATUSES, c.state.status, t)}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
