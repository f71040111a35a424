import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { articleRef } from '../../../prosecution/laws';
import { suspectsFor } from '../../../prosecution/suspects';
import { useConfig, useCurrentUser } from '../../../queries';
import { TextField } from '../../field';
import { OrgSelect } from '../../protection/config-fields';
import { ArticlesField } from '../articles-field';
import { CriminalEventForm } from '../criminal-event-form';
import { onlySuspect, SuspectSelect } from '../suspect-select';
import type { CriminalFormProps } from './props';

/** The prosecutor charges a suspect before a court (only the prosecutor named may record it). */
export function ChargeForm({ caseId, record, onDone }: CriminalFormProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const ownType = useConfig().data?.organisations.find((o) => o.id === user.organisation.id)?.type;
  const suspects = suspectsFor(record.state, 'charged');
  const [suspectId, setSuspectId] = useState(onlySuspect(suspects));
  const [prosecutor, setProsecutor] = useState(ownType === 'prosecutor' ? user.organisation.id : '');
  const [court, setCourt] = useState('');
  const { lawId, article } = record.state.legalBasis;
  const [articles, setArticles] = useState([articleRef(lawId, article)]);
  const [judge, setJudge] = useState('');
  return (
    <CriminalEventForm
      caseId={caseId}
      version={record.state.version}
      title={t('Charge a suspect')}
      submitLabel={t('Record the charge')}
      testId="charge-form"
      fields={['suspectId', 'prosecutorOrganisationId', 'courtOrganisationId', 'articles', 'investigatingJudge']}
      onDone={onDone}
      build={(occurredOn) => {
        const list = [...new Set(articles.filter(Boolean))];
        if (!suspectId || !prosecutor || !court || list.length === 0) return null;
        return {
          type: 'charged',
          occurredOn,
          suspectId,
          prosecutorOrganisationId: prosecutor,
          courtOrganisationId: court,
          articles: list,
          ...(judge.trim() && { investigatingJudge: judge.trim() }),
        };
      }}
    >
      {(error) => (
        <>
          <SuspectSelect
            state={record.state}
            suspects={suspects}
            value={suspectId}
            onChange={setSuspectId}
            error={error('suspectId', suspectId)}
            testId="charge-suspect"
          />
          <OrgSelect
            label={t('Prosecutor')}
            types={['prosecutor']}
            value={prosecutor}
            onChange={setProsecutor}
            error={error('prosecutorOrganisationId', prosecutor)}
            data-testid="charge-prosecutor"
          />
          <OrgSelect
            label={t('Court')}
            types={['court']}
            value={court}
            onChange={setCourt}
            error={error('courtOrganisationId', court)}
            data-testid="charge-court"
          />
          <ArticlesField value={articles} onChange={setArticles} error={error('articles', articles.filter(Boolean))} />
          <TextField
            label={t('Investigating judge (optional)')}
            hint={t('The judge’s title or office, not a name of a victim.')}
            value={judge}
            onChange={(e) => setJudge(e.target.value)}
            error={error('investigatingJudge')}
            data-testid="charge-judge"
          />
        </>
      )}
    </CriminalEventForm>
  );
}
