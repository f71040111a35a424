import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localName } from '../../i18n';
import { label, RESULTS } from '../../protection/labels';
import type { Questionnaire, ScreeningOutcome } from '../../protection/types';

interface Props {
  outcome: ScreeningOutcome;
  questionnaire: Questionnaire;
  onNew: () => void;
}

/** The indication ("Possible victim" / "Not indicated"), why, and the case it opened. */
export function ScreeningResult({ outcome, questionnaire, onNew }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const positive = outcome.result === 'possible_victim';
  const dimensionTitle = (id: string) =>
    localName(questionnaire.dimensions.find((d) => d.id === id)?.title, lang) || id;
  const indicatorText = (id: string) =>
    localName(questionnaire.dimensions.flatMap((d) => d.indicators).find((i) => i.id === id)?.text, lang) || id;
  const positiveDims = new Set(outcome.dimensions.filter((d) => d.positive).map((d) => d.id));

  return (
    <section className={`panel result ${positive ? 'result-positive' : 'result-negative'}`} aria-live="polite">
      <p className="muted">{t('Screening result')}</p>
      <h2 data-testid="screening-result" data-result={outcome.result}>
        {label(RESULTS, outcome.result, t)}
      </h2>
      <p className="field-hint">{t('This is an indication for referral, not a legal finding.')}</p>

      <h3>{t('Why')}</h3>
      <ul className="reasons" data-testid="screening-reasons">
        {questionnaire.rule.caseRule.allOf.map((element) => {
          const met = element.anyOf.filter((id) => positiveDims.has(id));
          const ok = met.length >= (element.min ?? 1);
          return (
            <li key={element.id} className={ok ? 'reason-met' : 'reason-unmet'}>
              <strong>{localName(element.title, lang)}</strong>
              {': '}
              {ok ? t('met by {{dimensions}}', { dimensions: met.map(dimensionTitle).join(', ') }) : t('not met')}
            </li>
          );
        })}
      </ul>
      {outcome.dimensions
        .filter((d) => d.positive)
        .map((d) => (
          <details key={d.id} className="reason-detail">
            <summary>{t('{{dimension}}: indicators answered yes', { dimension: dimensionTitle(d.id) })}</summary>
            <ul>
              {d.yes.map((id) => (
                <li key={id}>{indicatorText(id)}</li>
              ))}
            </ul>
          </details>
        ))}
      {outcome.unanswered.length > 0 && (
        <p className="muted">{t('Questions not answered: {{n}}', { n: outcome.unanswered.length })}</p>
      )}

      {outcome.caseId ? (
        <p>
          <Link className="button button-primary" to={`/cases/${outcome.caseId}`} data-testid="screening-case-link">
            {t('Open case {{number}}', { number: outcome.caseNumber ?? '' })}
          </Link>
        </p>
      ) : (
        positive && <p>{t('No case was opened.')}</p>
      )}
      {!outcome.personId && <p className="muted">{t('No identity was kept.')}</p>}
      <button type="button" className="button" onClick={onNew} data-testid="screening-new">
        {t('New screening')}
      </button>
    </section>
  );
}
