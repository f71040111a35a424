import { useTranslation } from 'react-i18next';
import { useOfficers } from '../../prosecution/operation-queries';
import { useCurrentUser } from '../../queries';
import { ErrorPanel, Loading } from '../status';

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/** The officers of the user's organisation who may know of the operation before it is carried out. */
export function OfficersField({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser().id;
  const officers = useOfficers(true);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <fieldset
      className={`field field-wide checkboxes${error ? ' field-invalid' : ''}`}
      data-testid="operation-officers"
    >
      <legend>{t('Named officers')}</legend>
      <p className="field-hint">
        {t('Only the officers named here can open the operation until it is carried out. You are always named.')}
      </p>
      {officers.isPending && <Loading />}
      {officers.isError && <ErrorPanel error={officers.error} onRetry={() => void officers.refetch()} />}
      {officers.data && (
        <div className="checkbox-columns">
          {officers.data.officers
            .filter((o) => o.id !== me)
            .map((o) => (
              <label key={o.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={value.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                  data-testid={`officer-${o.username}`}
                />
                <span>
                  {o.displayName} <span className="muted">({o.username})</span>
                </span>
              </label>
            ))}
        </div>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
