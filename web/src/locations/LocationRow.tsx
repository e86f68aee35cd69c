// One location in the owner's list: its name, open or closed (and what closed means), the
// buttons to rename it and to close or reopen it (the last open one cannot close: it says so
// instead), what happened last, an error, and the rename form when it is open.
import type { Location } from '../api/client';
import { useI18n } from '../i18n';
import { Notice } from '../ui/controls';
import { LocationForm } from './LocationForm';

/** The buttons of a row that take the focus again after their step. */
export type LocationButton = 'rename' | 'toggle';

export function LocationRow({
  location,
  lastOpen,
  renaming,
  busy,
  outcome,
  error,
  buttonRef,
  onRename,
  onClose,
  onReopen,
  onSaved,
  onCancel,
}: {
  location: Location;
  /** The only open location: it cannot close. */
  lastOpen: boolean;
  renaming: boolean;
  busy: boolean;
  outcome: string | null;
  error: string | null;
  buttonRef: (button: LocationButton) => (el: HTMLButtonElement | null) => void;
  onRename: () => void;
  onClose: () => void;
  onReopen: () => void;
  onSaved: (after: Location) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { name } = location;
  const closed = location.closed === true;

  return (
    <li
      className={`place${closed ? ' place--closed' : ''}${outcome ? ' place--changed' : ''}`}
      id={`location-row-${location.id}`}
    >
      <div className="place__head">
        <p className="place__name">
          <span>{name}</span>
          <span className={`badge ${closed ? 'badge--place-closed' : 'badge--place-open'}`}>
            {closed ? t('locations.closedBadge') : t('locations.openBadge')}
          </span>
        </p>
        {closed ? <p className="place__note muted">{t('locations.closedNote')}</p> : null}
        {lastOpen ? <p className="place__note muted">{t('locations.lastOpenNote')}</p> : null}
      </div>

      {renaming ? null : (
        <div className="place__actions">
          <button
            type="button"
            className="button button--secondary"
            ref={buttonRef('rename')}
            aria-label={t('locations.renameNamed', { name })}
            onClick={onRename}
          >
            {t('locations.rename')}
          </button>
          {closed ? (
            <button
              type="button"
              className="button button--secondary"
              ref={buttonRef('toggle')}
              aria-label={t('locations.reopenNamed', { name })}
              disabled={busy}
              onClick={onReopen}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {t('locations.reopen')}
            </button>
          ) : lastOpen ? null : (
            <button
              type="button"
              className="button button--quiet place__close"
              ref={buttonRef('toggle')}
              aria-label={t('locations.closeNamed', { name })}
              onClick={onClose}
            >
              {t('locations.close')}
            </button>
          )}
        </div>
      )}

      {outcome ? <p className="place__outcome">{outcome}</p> : null}
      {error ? (
        <div className="place__error">
          <Notice kind="error" live="alert" title={t('locations.changeFailed')}>
            <p>{error}</p>
          </Notice>
        </div>
      ) : null}
      {renaming ? <LocationForm location={location} onSaved={onSaved} onCancel={onCancel} /> : null}
    </li>
  );
}
