// A colleague's qualifications in their row of the team list (R-STAFF-1): each with what it
// counts for and until when, the owner's button to add one and the form, and what the last
// addition said (gone when the screen's next step starts, `step`). Loaded per colleague.
import { useEffect, useRef, useState } from 'react';
import type { Qualification, StaffAccount } from '../api/client';
import { listQualifications } from '../api/endpoints';
import { useI18n } from '../i18n';
import { todayInAmsterdam } from '../ui/format';
import { LoadStatus } from '../ui/LoadStatus';
import { useLoad } from '../ui/useLoad';
import { QualificationForm } from './QualificationForm';
import { QualificationItem } from './QualificationItem';
import './qualifications.css';

function byStart(a: Qualification, b: Qualification): number {
  return a.valid_from.localeCompare(b.valid_from) || a.created_at.localeCompare(b.created_at);
}

export function Qualifications({
  member,
  canAdd,
  step,
  onStep,
  onAdded,
}: {
  member: StaffAccount;
  /** The owner may add one (to an active account). */
  canAdd: boolean;
  /** Changes when a step on the screen starts: the last note goes. */
  step: number;
  /** This list starts a step (the form opens). */
  onStep: () => void;
  onAdded: (q: Qualification) => void;
}) {
  const { t } = useI18n();
  const { load, reload, set } = useLoad((signal) => listQualifications(member.id, signal), [member.id]);
  const [adding, setAdding] = useState(false);
  /** The one just added, and the screen's step it belongs to: the next step hides its note. */
  const [last, setLast] = useState<{ q: Qualification; step: number } | null>(null);
  const added = last && last.step === step ? last.q : null;
  const [focusAdd, setFocusAdd] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const today = todayInAmsterdam();
  const headingId = `quals-${member.id}`;

  useEffect(() => {
    if (!focusAdd || adding) return;
    addRef.current?.focus();
    setFocusAdd(false);
  }, [focusAdd, adding]);

  function open() {
    onStep();
    setAdding(true);
  }

  function saved(q: Qualification) {
    if (load.state === 'done') set({ items: [...load.data.items, q] });
    else reload();
    setAdding(false);
    setLast({ q, step });
    setFocusAdd(true);
    onAdded(q);
  }

  // As the server lists them: by the first valid day, so an addition stands where a reload puts it.
  const items = load.state === 'done' ? [...load.data.items].sort(byStart) : [];
  return (
    <section className="quals" aria-labelledby={headingId}>
      <div className="quals__head">
        <h3 className="quals__title" id={headingId} tabIndex={-1}>
          {t('qual.heading')}
          <span className="visually-hidden"> {t('qual.headingOf', { name: member.name })}</span>
        </h3>
        {canAdd && !adding && load.state === 'done' ? (
          <button
            type="button"
            className="button button--secondary quals__add"
            ref={addRef}
            aria-label={t('qual.addNamed', { name: member.name })}
            onClick={open}
          >
            {t('qual.add')}
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {added ? t('qual.addedNote', { title: added.title, name: member.name }) : ''}
      </p>
      {load.state !== 'done' ? (
        <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
      ) : items.length === 0 ? (
        <p className="quals__none muted">{t('qual.none')}</p>
      ) : (
        <ul className="quals__list" aria-labelledby={headingId}>
          {items.map((q) => (
            <QualificationItem key={q.id} q={q} today={today} added={added?.id === q.id} />
          ))}
        </ul>
      )}
      {added ? <p className="member__outcome">{t('qual.addedNote', { title: added.title, name: member.name })}</p> : null}
      {adding ? (
        <QualificationForm
          member={member}
          onSaved={saved}
          onCancel={() => {
            setAdding(false);
            setFocusAdd(true);
          }}
        />
      ) : null}
    </section>
  );
}
