import { useTranslation } from 'react-i18next';

interface Props {
  /** The steps to offer: their ids (`action-${id}` test ids) and labels (translation keys). */
  actions: readonly { id: string; label: string }[];
  current: string | null;
  onChoose: (id: string | null) => void;
}

/** The buttons of the steps that can be recorded on a case; pressing the current one again closes it. */
export function ActionToolbar({ actions, current, onChoose }: Props) {
  const { t } = useTranslation();
  return (
    <div className="row-actions" role="toolbar" aria-label={t('Record a step')}>
      {actions.map((a) => (
        <button
          key={a.id}
          type="button"
          className={`button${a.id === current ? ' button-current' : ''}`}
          aria-pressed={a.id === current}
          onClick={() => onChoose(a.id === current ? null : a.id)}
          data-testid={`action-${a.id}`}
        >
          {t(a.label)}
        </button>
      ))}
    </div>
  );
}
