import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { label, SEXES } from '../../protection/labels';
import { useNames } from '../../protection/names';
import type { Identity } from '../../protection/types';
import { scriptLang } from '../protection/person-names';
import { ErrorPanel, Loading } from '../status';
import { BreakGlassForm } from './break-glass-form';
import { PROPOSAL_STATUSES } from './labels';
import { useDecision, usePair } from './queries';
import { Reasons, Score } from './reasons';
import type { IdentityAccess, PairPerson } from './types';

/** Both records of a pair side by side, how they compare, and the decision. */
export function PairView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const pair = usePair(id);
  const decide = useDecision();

  if (pair.isPending) return <Loading />;
  if (pair.isError) return <ErrorPanel error={pair.error} onRetry={() => void pair.refetch()} />;
  const { proposal, persons } = pair.data;
  const [a, b] = persons;
  const rows: [string, (p: PairPerson) => ReactNode][] = [
    [t('Organisation'), (p) => names.org(p.organisationId)],
    [t('Sex'), (p) => label(SEXES, p.sex, t) || '—'],
    [t('Birth year'), (p) => p.birthYear ?? '—'],
    [t('Nationality'), (p) => names.country(p.nationality) || '—'],
    [t('Province'), (p) => names.province(p.province) || '—'],
    [t('Names'), (p) => <IdentityNames identity={p.identity} />],
    [t('Other names'), (p) => p.identity?.aliases?.join(', ') || null],
    [t('Date of birth'), (p) => p.identity?.dateOfBirth ?? null],
    [t('Documents'), (p) => p.identity?.documents?.map((d) => d.number).join(', ') || null],
    [t('Phones'), (p) => p.identity?.phones?.join(', ') || null],
    [t('Addresses'), (p) => p.identity?.addresses?.map((x) => x.text).join('; ') || null],
  ];

  return (
    <section className="panel linkage-pair" aria-labelledby="linkage-pair-title" data-testid="linkage-pair">
      <div className="page-head">
        <h2 id="linkage-pair-title">
          {t('Are these one person?')} <Score score={proposal.score} />{' '}
          <span className={`badge linkage-status-${proposal.status}`}>
            {label(PROPOSAL_STATUSES, proposal.status, t)}
          </span>
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('Close')}
        </button>
      </div>
      <div className="table-scroll">
        <table className="table linkage-compare">
          <caption className="visually-hidden">{t('The two records side by side')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('Field')}</span>
              </th>
              <th scope="col">{t('Record A')}</th>
              <th scope="col">{t('Record B')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([term, value]) => {
              const [va, vb] = [value(a), value(b)];
              if (va === null && vb === null) return null;
              return (
                <tr key={term}>
                  <th scope="row">{term}</th>
                  <td>{va ?? '—'}</td>
                  <td>{vb ?? '—'}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t('Identity')}</th>
              {[a, b].map((p) => (
                <td key={p.personId} data-testid={`linkage-identity-${p.identityAccess}`}>
                  <AccessNote access={p.identityAccess} />
                  {p.identityAccess === 'break-glass-required' && (
                    <BreakGlassForm pairId={proposal.id} personId={p.personId} />
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <h3>{t('How they compare')}</h3>
      <Reasons reasons={proposal.reasons} />
      {decide.isError && <ErrorPanel error={decide.error} />}
      <div className="row-actions">
        {proposal.status === 'proposed' && (
          <>
            <button
              type="button"
              className="button button-primary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ kind: 'confirm', proposalId: proposal.id })}
              data-testid="linkage-confirm"
            >
              {t('Confirm: one person')}
            </button>
            <button
              type="button"
              className="button"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ kind: 'reject', proposalId: proposal.id })}
              data-testid="linkage-reject"
            >
              {t('Reject: different people')}
            </button>
          </>
        )}
        {proposal.linkId && (
          <button
            type="button"
            className="button button-danger"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ kind: 'undo', linkId: proposal.linkId! })}
            data-testid="linkage-pair-undo"
          >
            {t('Undo link')}
          </button>
        )}
      </div>
      {proposal.status === 'proposed' && (
        <p className="muted">
          {t('A confirmed pair counts as one person in national figures. You can undo it later.')}
        </p>
      )}
    </section>
  );
}

function IdentityNames({ identity }: { identity: Identity | null }) {
  if (!identity) return null;
  return (
    <span className="name-list">
      {identity.names.map((n, i) => (
        <span key={i} lang={scriptLang(n.script)}>
          {n.full ?? [n.family, n.given].filter(Boolean).join(' ')}
        </span>
      ))}
    </span>
  );
}

function AccessNote({ access }: { access: IdentityAccess }) {
  const { t } = useTranslation();
  const text: Record<IdentityAccess, string> = {
    shown: t('Shown to you; this reading is recorded in the audit log.'),
    'not-recorded': t('No identity was recorded.'),
    'break-glass-required': t('Restricted record: the identity is not shown.'),
    'not-allowed': t('The identity is not shown to your account.'),
    erased: t('This person’s identity was erased.'),
  };
  return <p className="muted">{text[access]}</p>;
}
