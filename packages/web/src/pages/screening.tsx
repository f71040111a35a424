import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api';
import { Alert, SelectField, TextField } from '../components/field';
import { usePageTitle } from '../components/page-title';
import { fieldErrorOf, formProblem } from '../components/problem';
import { ProvinceSelect } from '../components/protection/config-fields';
import { ScreeningAnswers } from '../components/screening/answers';
import { EMPTY_PERSON, PersonBlock, personBody, type PersonInput } from '../components/screening/person-block';
import { ScreeningResult } from '../components/screening/result';
import { TallyForm } from '../components/screening/tally-form';
import { ErrorPanel, Loading } from '../components/status';
import { localName } from '../i18n';
import { SITES } from '../protection/labels';
import { today, useQuestionnaires } from '../protection/queries';
import type { Answers, ScreeningOutcome } from '../protection/types';
import { useConfig, useCurrentUser } from '../queries';

const FIELDS = ['questionnaireId', 'site', 'occurredOn', 'province', 'answers', 'person', 'consentToKeepIdentity'];

/** Screening with a victim identification questionnaire; a possible victim gets a case at once. */
export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('Screening'));
  const lang = i18n.language;
  const user = useCurrentUser();
  const config = useConfig().data;
  const questionnaires = useQuestionnaires();
  const homeProvince = config?.organisations.find((o) => o.id === user.organisation.id)?.province ?? '';

  const [questionnaireId, setQuestionnaireId] = useState('');
  const [site, setSite] = useState('');
  const [occurredOn, setOccurredOn] = useState(today);
  const [province, setProvince] = useState(homeProvince);
  const [answers, setAnswers] = useState<Answers>({});
  const [person, setPerson] = useState<PersonInput>(EMPTY_PERSON);
  const [consent, setConsent] = useState(false);
  const [checked, setChecked] = useState(false);
  const submit = useMutation({ mutationFn: (body: unknown) => post<ScreeningOutcome>('/api/screenings', body) });

  const list = questionnaires.data?.questionnaires ?? [];
  const questionnaire = list.find((q) => q.id === questionnaireId);
  const required = (v: string) => (checked && !v ? t('This field is required.') : undefined);
  const error = submit.error;

  const send = (withPerson: boolean) => {
    if (!questionnaire) return;
    const all = Object.fromEntries(
      questionnaire.dimensions.flatMap((d) => d.indicators).map((i) => [i.id, answers[i.id] ?? null]),
    );
    submit.mutate({
      questionnaireId,
      site,
      occurredOn,
      province: province || null,
      answers: all,
      consentToKeepIdentity: consent,
      person: withPerson ? personBody(person) : null,
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (questionnaireId && site && occurredOn) send(true);
  };
  const reset = () => {
    submit.reset();
    setAnswers({});
    setPerson(EMPTY_PERSON);
    setConsent(false);
    setChecked(false);
  };
  // Nothing indicated and no consent: the server keeps no person. Offer to send without one.
  const refusedPerson = fieldErrorOf(error, 'person', true) !== undefined && !consent && personBody(person) !== null;

  if (questionnaires.isPending) return <Loading />;
  if (questionnaires.isError)
    return <ErrorPanel error={questionnaires.error} onRetry={() => void questionnaires.refetch()} />;

  return (
    <section className="page">
      <h1>{t('Screening')}</h1>
      {submit.data && questionnaire ? (
        <ScreeningResult outcome={submit.data} questionnaire={questionnaire} onNew={reset} />
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate data-testid="screening-form">
          <div className="panel form">
            <div className="form-grid">
              <SelectField
                label={t('Questionnaire')}
                value={questionnaireId}
                onChange={(e) => setQuestionnaireId(e.target.value)}
                error={required(questionnaireId) ?? fieldErrorOf(error, 'questionnaireId')}
                data-testid="screening-questionnaire"
              >
                <option value="">{t('Choose…')}</option>
                {list.map((q) => (
                  <option key={q.id} value={q.id}>
                    {localName(q.title, lang)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('Site')}
                value={site}
                onChange={(e) => setSite(e.target.value)}
                error={required(site) ?? fieldErrorOf(error, 'site')}
                data-testid="screening-site"
              >
                <option value="">{t('Choose…')}</option>
                {Object.entries(SITES).map(([code, key]) => (
                  <option key={code} value={code}>
                    {t(key)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('Date')}
                type="date"
                value={occurredOn}
                onChange={(e) => setOccurredOn(e.target.value)}
                error={required(occurredOn) ?? fieldErrorOf(error, 'occurredOn')}
                data-testid="screening-date"
              />
              <ProvinceSelect
                label={t('Province')}
                placeholder={t('Not recorded')}
                value={province}
                onChange={setProvince}
                error={fieldErrorOf(error, 'province')}
                data-testid="screening-province"
              />
            </div>
          </div>
          {questionnaire && (
            <ScreeningAnswers
              questionnaire={questionnaire}
              answers={answers}
              onChange={(id, answer) => setAnswers((a) => ({ ...a, [id]: answer }))}
              error={fieldErrorOf(error, 'answers')}
            />
          )}
          <PersonBlock value={person} onChange={setPerson} consent={consent} onConsent={setConsent} error={error} />
          {formProblem(error, FIELDS, t) && <Alert>{formProblem(error, FIELDS, t)}</Alert>}
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={submit.isPending}
              data-testid="screening-submit"
            >
              {t('Record the screening')}
            </button>
            {refusedPerson && (
              <button type="button" className="button" disabled={submit.isPending} onClick={() => send(false)}>
                {t('Record without the person’s details')}
              </button>
            )}
          </div>
        </form>
      )}
      <details className="panel">
        <summary>{t('Daily tally (high-volume sites)')}</summary>
        <TallyForm />
      </details>
    </section>
  );
}
