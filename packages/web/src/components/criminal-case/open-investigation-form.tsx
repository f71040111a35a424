import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localName } from '../../i18n';
import { CRIMINAL_EXPLOITATION } from '../../prosecution/labels';
import { useOpenInvestigation } from '../../prosecution/queries';
import { today } from '../../protection/queries';
import { useCurrentUser } from '../../queries';
import { Alert, SelectField, TextField } from '../field';
import { fieldErrorOf, formProblem } from '../problem';
import { ProvinceSelect } from '../protection/config-fields';
import { LegalBasisFields, type LegalBasis } from './legal-basis-fields';

const FIELDS = ['occurredOn', 'province', 'legalBasis', 'exploitation', 'traffickingOffence', 'childSexTourism'];

/** Opens an investigation led by the user's organisation; the new case's page follows. */
export function OpenInvestigationForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const open = useOpenInvestigation();
  const [occurredOn, setOccurredOn] = useState(today);
  const [province, setProvince] = useState('');
  const [basis, setBasis] = useState<LegalBasis>({ lawId: '', article: '' });
  const [exploitation, setExploitation] = useState('');
  const [trafficking, setTrafficking] = useState('');
  const [childSexTourism, setChildSexTourism] = useState(false);
  const [checked, setChecked] = useState(false);
  const error = (path: string, value?: string) =>
    checked && value !== undefined && !value.trim() ? t('This field is required.') : fieldErrorOf(open.error, path);
  const general = formProblem(open.error, FIELDS, t);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!occurredOn || !basis.lawId.trim() || !basis.article.trim() || !exploitation || !trafficking) return;
    open.mutate(
      {
        occurredOn,
        ...(province && { province }),
        legalBasis: { lawId: basis.lawId.trim(), article: basis.article.trim() },
        exploitation,
        traffickingOffence: trafficking === 'yes',
        ...(childSexTourism && { childSexTourism }),
      },
      { onSuccess: ({ case: created }) => void navigate(`/criminal-cases/${created.id}`) },
    );
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="investigation-form">
      <h2>{t('Open an investigation')}</h2>
      <p className="field-hint">{t('Lead unit: {{org}}', { org: localName(user.organisation.name, i18n.language) })}</p>
      {general && <Alert>{general}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('Date opened')}
          type="date"
          value={occurredOn}
          onChange={(e) => setOccurredOn(e.target.value)}
          error={error('occurredOn', occurredOn)}
          data-testid="investigation-date"
        />
        <ProvinceSelect
          label={t('Province')}
          placeholder={t('Not recorded')}
          value={province}
          onChange={setProvince}
          error={error('province')}
          data-testid="investigation-province"
        />
        <LegalBasisFields
          value={basis}
          onChange={setBasis}
          lawError={error('legalBasis.lawId', basis.lawId) ?? fieldErrorOf(open.error, 'legalBasis', true)}
          articleError={error('legalBasis.article', basis.article)}
        />
        <SelectField
          label={t('Exploitation')}
          value={exploitation}
          onChange={(e) => setExploitation(e.target.value)}
          error={error('exploitation', exploitation)}
          data-testid="investigation-exploitation"
        >
          <option value="">{t('Choose…')}</option>
          {Object.entries(CRIMINAL_EXPLOITATION).map(([code, key]) => (
            <option key={code} value={code}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('Trafficking offence')}
          hint={t('No for rape and other crimes the same units investigate: they are not counted as trafficking.')}
          value={trafficking}
          onChange={(e) => setTrafficking(e.target.value)}
          error={error('traffickingOffence', trafficking)}
          data-testid="investigation-trafficking"
        >
          <option value="">{t('Choose…')}</option>
          <option value="yes">{t('Yes')}</option>
          <option value="no">{t('No')}</option>
        </SelectField>
        <label className="checkbox field-wide">
          <input
            type="checkbox"
            checked={childSexTourism}
            onChange={(e) => setChildSexTourism(e.target.checked)}
            data-testid="investigation-cst"
          />
          <span>{t('Child sex tourism (a foreigner suspected of sexually exploiting children)')}</span>
        </label>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={open.isPending}
          data-testid="investigation-submit"
        >
          {t('Open the investigation')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('Cancel')}
        </button>
      </div>
    </form>
  );
}
