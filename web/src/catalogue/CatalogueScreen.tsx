// /catalogue (owner only): the practice settings (reflection periods, R-CONSENT-2; mandatory
// TOTP, R-SEC-1) and the treatment catalogue (R-CAT) grouped by regime and category, with each
// type's version and properties. The owner adds a type of the practice's own, changes one (the
// server keeps the old version and answers with the new one) and takes one out of use or back.
import { useEffect, useMemo, useRef, useState } from 'react';
import { isSessionEnded, type TreatmentType } from '../api/client';
import { listTreatmentTypes, updateTreatmentType } from '../api/endpoints';
import { regimeGroup, type RegimeGroup } from '../dossier/labels';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { errorText } from '../ui/errors';
import { LoadStatus } from '../ui/LoadStatus';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { reflectionLine } from './labels';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { TypeForm } from './TypeForm';
import { TypeRow } from './TypeRow';
import './catalogue.css';

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
