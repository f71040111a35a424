import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPEAL_OUTCOMES, MEASURES, SUSPECT_STATUSES, VERDICT_OUTCOMES } from '../../prosecution/labels';
import { useLaws } from '../../prosecution/laws';
import { currentMeasure, nextCheckInDue, supervisingUnit } from '../../prosecution/suspects';
import type { CriminalCaseRecord, Suspect } from '../../prosecution/types';
import { label } from '../../protection/labels';
import { useNames } from '../../protection/names';
import { useCurrentUser } from '../../queries';
import { Section } from '../case/section';
import { formatMoney } from './money';

/** Where the suspect's last flight stands: absconded, warrant, re-arrest, with their dates. */
function abscondingText(s: Suspect, t: TFunction): string {
  const last = s.abscondings.at(-1);
  if (!last) return '';
  return [
    t('absconded {{date}}', { date: last.on }),
    last.warrantOn ? t('warrant {{date}}', { date: last.warrantOn }) : t('no warrant'),
    last.rearrestedOn && t('re-arrested {{date}}', { date: last.rearrestedOn }),
  ]
    .filter(Boolean)
    .join('; ');
}

/** The suspects of the case by number (never by name), where each stands, and their measures. */
export function SuspectsTable({ record }: { record: CriminalCaseRecord }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const user = useCurrentUser();
  const { state } = record;
  const { describeArticles } = useLaws();
  const linkPersons = !record.personsPseudonymous && user.actions.includes('person.read');
  return (
    <Section title={t('Suspects')} testId="criminal-suspects">
      {state.suspects.length === 0 ? (
        <p className="muted">{t('None recorded.')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('Suspects')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Suspect')}</th>
                <th scope="col">{t('Nationality')}</th>
                <th scope="col">{t('Public official')}</th>
                <th scope="col">{t('Status')}</th>
                <th scope="col">{t('Measure')}</th>
                <th scope="col">{t('Check-ins')}</th>
                <th scope="col">{t('Next check-in due')}</th>
                <th scope="col">{t('Absconding')}</th>
                <th scope="col">{t('Verdict')}</th>
                <th scope="col">{t('Sentence')}</th>
              </tr>
            </thead>
            <tbody>
              {state.suspects.map((s, i) => {
                const measure = currentMeasure(s);
                const schedule = measure?.checkInEveryDays;
                return (
                  <tr key={s.suspectId} data-testid={`suspect-row-${i + 1}`} data-status={s.status}>
                    <td data-label={t('Suspect')}>
                      <strong>{t('Suspect {{n}}', { n: i + 1 })}</strong>
                      {linkPersons && (
                        <div>
                          <Link to={`/people/${s.personId}`} data-testid="suspect-person">
                            {t('View the person')}
                          </Link>
                        </div>
                      )}
                      {s.arrested && <div className="muted">{t('arrested {{date}}', { date: s.addedOn })}</div>}
                    </td>
                    <td data-label={t('Nationality')}>{names.country(s.nationality)}</td>
                    <td data-label={t('Public official')}>
                      {s.publicOfficial ? `${s.publicOfficial.position}, ${s.publicOfficial.agency}` : t('No')}
                    </td>
                    <td data-label={t('Status')}>
                      <span className={`badge badge-suspect-${s.status}`} data-testid="suspect-status">
                        {label(SUSPECT_STATUSES, s.status, t)}
                      </span>
                      <div className="muted">{t('since {{date}}', { date: s.since })}</div>
                      {s.charge && (
                        <div className="muted">
                          {t('charged by {{prosecutor}} before {{court}}: {{articles}}', {
                            prosecutor: names.org(s.charge.prosecutorOrganisationId),
                            court: names.org(s.charge.courtOrganisationId),
                            articles: describeArticles(s.charge.articles),
                          })}
                        </div>
                      )}
                    </td>
                    <td data-label={t('Measure')}>
                      {measure && `${label(MEASURES, measure.measure, t)} (${measure.on})`}
                    </td>
                    <td data-label={t('Check-ins')} data-testid="suspect-schedule">
                      {schedule !== undefined && (
                        <>
                          {t('every {{days}} days, at {{org}}', {
                            days: schedule,
                            org: names.org(supervisingUnit(state, s)),
                          })}
                          <div className="muted">
                            {t('{{made}} made, {{missed}} missed', {
                              made: s.checkIns.filter((d) => d >= measure!.on).length,
                              missed: s.missedCheckIns.filter((d) => d >= measure!.on).length,
                            })}
                          </div>
                        </>
                      )}
                    </td>
                    <td data-label={t('Next check-in due')} data-testid="suspect-next-check-in">
                      {nextCheckInDue(s) ?? ''}
                    </td>
                    <td data-label={t('Absconding')} data-testid="suspect-absconding">
                      {abscondingText(s, t)}
                    </td>
                    <td data-label={t('Verdict')}>
                      {s.verdict && `${label(VERDICT_OUTCOMES, s.verdict.outcome, t)} (${s.verdict.on})`}
                      {s.appeals.map((a, j) => (
                        <div key={j} className="muted">
                          {t('appeal to {{court}}, {{date}}: {{outcome}}', {
                            court: names.org(a.courtOrganisationId),
                            date: a.lodgedOn,
                            outcome: a.outcome ? label(APPEAL_OUTCOMES, a.outcome, t) : t('pending'),
                          })}
                        </div>
                      ))}
                    </td>
                    <td data-label={t('Sentence')}>
                      {s.sentence && (
                        <>
                          {t('{{months}} months, {{suspended}} suspended', {
                            months: s.sentence.prisonMonths,
                            suspended: s.sentence.suspendedMonths,
                          })}
                          {s.sentence.fine && (
                            <div>{t('fine {{amount}}', { amount: formatMoney(s.sentence.fine, i18n.language) })}</div>
                          )}
                          {s.sentence.restitution.map((r, j) => (
                            <div key={j} className="muted">
                              {t('restitution {{amount}}', { amount: formatMoney(r, i18n.language) })}
                            </div>
                          ))}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
