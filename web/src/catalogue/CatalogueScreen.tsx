// /catalogue (owner only): the practice settings (reflection periods, R-CONSENT-2; mandatory
// TOTP, R-SEC-1) and the treatment catalogue (R-CAT) grouped by regime and category, with each
// type's version and properties. The owner adds a type of the practice's own, changes one (the
// server keeps the old version and answers with the new one) and takes one out of use or back.
import { useEffect, useMemo, useRef, useState } from 'react';
import { isSessionEnded, type TreatmentType } from '../api/client';
import { listTreatmentTypes, updateTreatmentType } from '../api/endpoints';
import { regimeGroup, type RegimeGroup } from '../dossier/labels';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { errorText } from '../ui/errors';
import { LoadStatus } from '../ui/LoadStatus';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { qualificationLabel, reflectionLine } from './labels';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { TypeForm } from './TypeForm';

const GROUP_ORDER: RegimeGroup[] = ['basic', 'wkkgz', 'pmu', 'cosmetic1', 'cosmetic2', 'cosmetic3'];

/** What happened to a type last: shown in its row, which also takes the focus. */
interface Outcome {
  id: string;
  note: string;
}

export function CatalogueScreen() {
  const { t, lang } = useI18n();
  const me = useMe();
  const { load, reload, set } = useLoad((signal) => listTreatmentTypes(signal), [lang]);
  /** The type being changed, 'new' for the form of a new one, or null. */
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  /**
   * Where the focus goes once the list has rendered: a type's edit button after the form, its
   * other button after taking it out of use or back (to undo at once), or the add button.
   */
  const [focusTo, setFocusTo] = useState<{ id: string; button: 'edit' | 'toggle' } | 'add' | null>(null);
  const editRefs = useRef<Record<string, HTMLElement | null>>({});
  const toggleRefs = useRef<Record<string, HTMLElement | null>>({});
  const addRef = useRef<HTMLButtonElement>(null);

  const items = load.state === 'done' ? load.data.items : null;

  const groups = useMemo(() => {
    if (!items) return [];
    const byName = (a: TreatmentType, b: TreatmentType) =>
      Number(a.retired) - Number(b.retired) || a.name.localeCompare(b.name, lang);
    return GROUP_ORDER.map((g) => ({
      group: g,
      types: items.filter((x) => regimeGroup(x.regime, x.category) === g).sort(byName),
    })).filter((g) => g.types.length);
  }, [items, lang]);

  useEffect(() => {
    if (!focusTo) return;
    const el =
      focusTo === 'add'
        ? addRef.current
        : (focusTo.button === 'edit' ? editRefs.current : toggleRefs.current)[focusTo.id];
    if (!el) return;
    el.focus();
    if (focusTo !== 'add') el.scrollIntoView({ block: 'center' });
    setFocusTo(null);
  }, [focusTo, items, editing]);

  function replace(saved: TreatmentType) {
    if (!items) return;
    const known = items.some((x) => x.id === saved.id);
    set({ items: known ? items.map((x) => (x.id === saved.id ? saved : x)) : [...items, saved] });
  }

  function open(id: string) {
    setEditing(id);
    setOutcome(null);
    setRowError(null);
  }

  function close(focus: string) {
    setEditing(null);
    setFocusTo(focus === 'add' ? 'add' : { id: focus, button: 'edit' });
  }

  function saved(before: TreatmentType | undefined, after: TreatmentType) {
    replace(after);
    const note = before
      ? t('catalogue.saved', { n: after.version, previous: before.version })
      : t('catalogue.created');
    setOutcome({ id: after.id, note });
    setAnnouncement(
      before ? t('catalogue.savedNamed', { name: after.name, n: after.version }) : t('catalogue.createdNamed', { name: after.name }),
    );
    close(after.id);
  }

  async function toggleRetired(type: TreatmentType) {
    if (busyId) return;
    setBusyId(type.id);
    setRowError(null);
    setOutcome(null);
    try {
      const after = await updateTreatmentType(type.id, { retired: !type.retired });
      replace(after);
      setOutcome({
        id: after.id,
        note: after.retired ? t('catalogue.retiredNote', { n: after.version }) : t('catalogue.unretiredNote', { n: after.version }),
      });
      setAnnouncement(
        after.retired ? t('catalogue.retiredNamed', { name: after.name }) : t('catalogue.unretiredNamed', { name: after.name }),
      );
      // The row moves within its group (types out of use come last): it keeps the focus.
      setFocusTo({ id: after.id, button: 'toggle' });
    } catch (err) {
      if (!isSessionEnded(err)) setRowError({ id: type.id, text: errorText(t, err) });
    } finally {
      setBusyId(null);
    }
  }

  const reflection = me.practice.reflection_days;

  return (
    <main className="screen catalogue" id="main">
      <ScreenTitle title={t('catalogue.title')} />
      <p className="screen__sub">{t('catalogue.intro')}</p>

      <div className="catalogue__sections">
        <PracticeSettingsForm />

        <Section
          id="sec-types"
          title={t('catalogue.typesTitle')}
          wide
          actions={
            editing !== 'new' && items ? (
              <button type="button" className="button button--primary" ref={addRef} onClick={() => open('new')}>
                {t('catalogue.add')}
              </button>
            ) : null
          }
        >
          <p className="muted">{t('catalogue.typesIntro')}</p>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {editing === 'new' ? (
            <TypeForm level={3} onSaved={(x) => saved(undefined, x)} onCancel={() => close('add')} />
          ) : null}
          {load.state !== 'done' ? (
            <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
          ) : (
            groups.map(({ group, types }) => (
              <section className="type-group" key={group} aria-labelledby={`group-${group}`}>
                <div className="type-group__head">
                  <h3 className="type-group__title" id={`group-${group}`}>
                    {t(`regimeGroup.${group}`)}
                  </h3>
                  <span className="muted small">
                    {types.length === 1 ? t('catalogue.groupCountOne') : t('catalogue.groupCount', { n: types.length })}
                  </span>
                </div>
                {group.startsWith('cosmetic') ? (
                  <p className="type-group__rule">{reflectionLine(t, reflection[Number(group.slice(-1)) - 1] ?? 0)}</p>
                ) : null}
                <ul className="types" aria-labelledby={`group-${group}`}>
                  {types.map((type) => (
                    <TypeRow
                      key={type.id}
                      type={type}
                      editing={editing === type.id}
                      busy={busyId === type.id}
                      outcome={outcome?.id === type.id ? outcome.note : null}
                      error={rowError?.id === type.id ? rowError.text : null}
                      editRef={(el) => {
                        editRefs.current[type.id] = el;
                      }}
                      toggleRef={(el) => {
                        toggleRefs.current[type.id] = el;
                      }}
                      onEdit={() => open(type.id)}
                      onToggleRetired={() => void toggleRetired(type)}
                      onSaved={(after) => saved(type, after)}
                      onCancel={() => close(type.id)}
                    />
                  ))}
                </ul>
              </section>
            ))
          )}
        </Section>
      </div>
    </main>
  );
}

function TypeRow({
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
