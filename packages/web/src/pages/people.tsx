import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../api';
import { Alert, TextField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { fieldErrorOf, formProblem } from '../components/problem';
import { personNames, scriptLang } from '../components/protection/person-names';
import { label, SEXES } from '../protection/labels';
import { useNames } from '../protection/names';
import type { Person } from '../protection/types';
import { useCurrentUser } from '../queries';

/** Name search (Khmer or Latin script, spelling variants), for those who may see identities. */
export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('People'));
  const user = useCurrentUser();
  const names = useNames();
  const [name, setName] = useState('');
  const search = useMutation({
    mutationFn: (query: string) => post<{ persons: Person[] }>('/api/persons/search', { name: query }),
  });

  if (!user.actions.includes('person.read_identity')) {
    return (
      <section className="page">
        <h1>{t('People')}</h1>
        <p>{t('Searching by name needs permission to see identities, which your account does not have.')}</p>
      </section>
    );
  }

  const tooShort = name.trim().length < 2;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) search.mutate(name.trim());
  };
  const general = formProblem(search.error, ['name'], t);
  const found = search.data?.persons;

  return (
    <section className="page">
      <h1>{t('People')}</h1>
      <form className="panel search-form" onSubmit={onSubmit} role="search" data-testid="person-search">
        <TextField
          label={t('Name')}
          hint={t('Khmer or Latin script; spelling variants and word order are found too.')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrorOf(search.error, 'name')}
          data-testid="person-search-name"
        />
        <button type="submit" className="button button-primary" disabled={tooShort || search.isPending}>
          {t('Search')}
        </button>
      </form>
      {general && <Alert>{general}</Alert>}
      {found && found.length === 0 && <p data-testid="person-search-empty">{t('No one found.')}</p>}
      {found && found.length > 0 && (
        <table className="table" data-testid="person-results">
          <caption className="visually-hidden">{t('People found')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Names')}</th>
              <th scope="col">{t('Sex')}</th>
              <th scope="col">{t('Birth year')}</th>
              <th scope="col">{t('Nationality')}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((p) => (
              <tr key={p.id}>
                <td data-label={t('Names')}>
                  <Link to={`/people/${p.id}`} className="name-list">
                    {personNames(p).map((n, i) => (
                      <span key={i} lang={scriptLang(n.script)}>
                        {n.text}
                      </span>
                    ))}
                    {personNames(p).length === 0 && t('(no name recorded)')}
                  </Link>
                </td>
                <td data-label={t('Sex')}>{label(SEXES, p.sex, t)}</td>
                <td data-label={t('Birth year')}>{p.birthYear ?? ''}</td>
                <td data-label={t('Nationality')}>{names.country(p.nationality)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
