// One treatment type in the catalogue: its names, version, code and properties, the buttons to
// change it or take it out of use (or back), what happened to it last, and its form when open.
import type { TreatmentType } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';
import { Notice } from '../ui/controls';
import { qualificationLabel } from '../ui/qualifications';
import { TypeForm } from './TypeForm';
import './catalogue.css';

export function TypeRow({
  type,
  editing,
  busy,
  outcome,
  error,
  editRef,
  toggleRef,
  onEdit,
  onToggleRetired,
  onSaved,
  onCancel,
}: {
  type: TreatmentType;
  editing: boolean;
  busy: boolean;
  outcome: string | null;
  error: string | null;
  /** The edit button: it takes the focus after a change to the type. */
  editRef: (el: HTMLButtonElement | null) => void;
  /** The button that takes the type out of use or back. */
  toggleRef: (el: HTMLButtonElement | null) => void;
  onEdit: () => void;
  onToggleRetired: () => void;
  onSaved: (after: TreatmentType) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const other = lang === 'nl' ? type.name_en : type.name_nl;
  const flags: { key: string; text: string; kind?: string }[] = [];
  if (type.retired) flags.push({ key: 'retired', text: t('catalogue.flag.retired'), kind: 'badge--retired' });
  if (type.visible_results) flags.push({ key: 'visible', text: t('catalogue.flag.visible_results') });
  if (type.device_required) flags.push({ key: 'device', text: t('catalogue.flag.device_required') });
  if (type.medical_act) flags.push({ key: 'medical', text: t('catalogue.flag.medical_act') });
  if (type.qualification) {
    flags.push({ key: 'qualification', text: t('catalogue.flag.qualification', { q: qualificationLabel(t, type.qualification) }) });
  }
  const retireKey: MessageKey = type.retired ? 'catalogue.unretire' : 'catalogue.retire';
  const retireLabel: MessageKey = type.retired ? 'catalogue.unretireType' : 'catalogue.retireType';

  return (
    <li
      className={`type${type.retired ? ' type--retired' : ''}${outcome ? ' type--changed' : ''}`}
      id={`type-${type.id}`}
    >
      <div className="type__head">
        <div className="type__main">
          <p className="type__name" id={`type-${type.id}-name`}>
            {type.name}
          </p>
          {other !== type.name ? (
            <p className="type__other" lang={lang === 'nl' ? 'en' : 'nl'}>
              {t('catalogue.otherName', { name: other })}
            </p>
          ) : null}
          <p className="type__meta">
            <span className="type__version">{t('catalogue.version', { n: type.version })}</span>
            {type.category ? <span>{t('catalogue.category', { n: type.category })}</span> : null}
            <span className="type__code">{t('catalogue.code', { code: type.id })}</span>
          </p>
          {flags.length ? (
            <ul className="type__flags">
              {flags.map((f) => (
                <li key={f.key} className={`badge ${f.kind ?? 'badge--flag'}`}>
                  {f.text}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {editing ? null : (
          <div className="type__actions">
            <button
              type="button"
              className="button button--secondary"
              ref={editRef}
              aria-label={t('catalogue.editType', { name: type.name })}
              onClick={onEdit}
            >
              {t('catalogue.edit')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              ref={toggleRef}
              aria-label={t(retireLabel, { name: type.name })}
              disabled={busy}
              onClick={onToggleRetired}
            >
              {busy ? <span className="spinner" aria-hidden="true" /> : null}
              {t(retireKey)}
            </button>
          </div>
        )}
      </div>
      {outcome ? <p className="type__outcome">{outcome}</p> : null}
      {error ? (
        <div className="type__error">
          <Notice kind="error" live="alert" title={t('catalogue.changeFailed')}>
            <p>{error}</p>
          </Notice>
        </div>
      ) : null}
      {editing ? (
        <div className="type__form">
          <TypeForm type={type} level={4} onSaved={onSaved} onCancel={onCancel} />
        </div>
      ) : null}
    </li>
  );
}
