import { useTranslation } from 'react-i18next';
import { localName } from '../../i18n';
import type { Answers, Questionnaire } from '../../protection/types';

const CHOICES = [
  { value: true, key: 'yes' },
  { value: false, key: 'no' },
  { value: null, key: 'unknown' },
] as const;

interface Props {
  questionnaire: Questionnaire;
  answers: Answers;
  onChange: (indicatorId: string, answer: boolean | null) => void;
  error?: string | undefined;
}

/** Every indicator of the questionnaire, grouped by dimension, answered yes / no / unknown. */
export function ScreeningAnswers({ questionnaire, answers, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const choiceLabel = { yes: t('Yes'), no: t('No'), unknown: t('Unknown') };
  return (
    <div className="dimensions" data-testid="screening-answers">
      <p className="field-hint">{t('“Unknown” also covers a question not asked or not answered.')}</p>
      {error && <p className="field-error">{error}</p>}
      {questionnaire.dimensions.map((dimension) => (
        <fieldset key={dimension.id} className="panel dimension" data-testid={`dimension-${dimension.id}`}>
          <legend>{localName(dimension.title, lang)}</legend>
          {dimension.indicators.map((indicator) => {
            const answer = answers[indicator.id] ?? null;
            return (
              <fieldset key={indicator.id} className="indicator">
                <legend>{localName(indicator.text, lang)}</legend>
                <div className="choices">
                  {CHOICES.map((choice) => (
                    <label key={choice.key} className={`choice${answer === choice.value ? ' choice-on' : ''}`}>
                      <input
                        type="radio"
                        name={`answer-${indicator.id}`}
                        checked={answer === choice.value}
                        onChange={() => onChange(indicator.id, choice.value)}
                        data-testid={`answer-${indicator.id}-${choice.key}`}
                      />
                      <span>{choiceLabel[choice.key]}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
