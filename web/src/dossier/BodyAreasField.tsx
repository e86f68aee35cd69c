// The body areas of a session, one tap each: the treatment type's usual ones first, then the
// rest, and any other area typed in (Enter or the button adds it).
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useI18n } from '../i18n';
import { ErrorIcon, TextField } from '../ui/controls';
import './session.css';

export function BodyAreasField({
  areas,
  chosen,
  error,
  onToggle,
  onAdd,
  itemsRef,
}: {
  /** Every area offered, in order. */
  areas: string[];
  chosen: string[];
  error?: string;
  onToggle: (area: string) => void;
  onAdd: (area: string) => void;
  /** The buttons' box: its first button takes the focus for an error. */
  itemsRef: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const [other, setOther] = useState('');

  function addOther() {
    const area = other.trim();
    if (!area) return;
    onAdd(area);
    setOther('');
  }

  function onOtherKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      addOther();
    }
  }

  return (
    <fieldset className={`field chips${error ? ' field--error' : ''}`} aria-describedby={error ? 'body_areas-error' : undefined}>
      <legend className="field__label">{t('session.bodyAreas')}</legend>
      <p className="field__hint">{t('session.bodyAreasHint')}</p>
      {error ? (
        <p className="field__error" id="body_areas-error">
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
      <div className="chips__items" ref={itemsRef}>
        {areas.map((a) => (
          <button key={a} type="button" className="chip" aria-pressed={chosen.includes(a)} onClick={() => onToggle(a)}>
            {a}
          </button>
        ))}
      </div>
      <div className="chips__other">
        <TextField
          id="body_area_other"
          label={t('session.otherArea')}
          width="medium"
          autoComplete="off"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          onKeyDown={onOtherKey}
        />
        <button type="button" className="button button--secondary" onClick={addOther}>
          {t('session.addArea')}
        </button>
      </div>
    </fieldset>
  );
}
