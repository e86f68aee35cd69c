// /staff (owner only): the team (R-STAFF-3). The owner adds a colleague, who gets a one-time
// password shown here once; changes a colleague's role, locations or an auditor's end date;
// resets a forgotten password (a new one-time password) or a lost second factor; disables an
// account (its sessions end at once) and enables it again. The steps that cannot simply be
// undone ask first, naming the person. What a step said goes when the next one starts.
// Above the team, what qualifications end within 60 days; in the rows of those who sign session
// records (owner, practitioner), their qualifications and the form to add one (R-STAFF-1).
import { useEffect, useMemo, useRef, useState } from 'react';
import { isSessionEnded, type NewStaffAccount, type StaffAccount } from '../api/client';
import { changeStaff, listLocations, listStaff, resetStaffPassword, resetStaffTotp } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorText } from '../ui/errors';
import { LoadStatus } from '../ui/LoadStatus';
import { mayWriteDossier } from '../ui/roles';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { ExpiringPanel } from './ExpiringPanel';
import { OneTimePassword } from './OneTimePassword';
import { Qualifications } from './Qualifications';
import { StaffForm } from './StaffForm';
import { StaffRow, type DangerStep, type RowButton } from './StaffRow';
import { withoutPassword } from './staffValues';
import './staff.css';

/** A one-time password on screen: a new colleague's (at the top) or after a reset (in the row). */
interface Revealed {
  kind: 'new' | 'reset';
  account: NewStaffAccount;
}

export function StaffScreen() {
  const { t, lang } = useI18n();
  const me = useMe();
  // Names and locations do not depend on the language: a switch keeps the open forms.
  const { load, reload, set } = useLoad(
    (signal) => Promise.all([listStaff(signal), listLocations(signal)]).then(([s, l]) => ({ items: s.items, locations: l.items })),
    [],
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ id: string; note: string } | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [asking, setAsking] = useState<{ step: DangerStep; member: StaffAccount } | null>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Counts the steps, so that the qualification lists drop their notes; and the expiring panel's loads. */
  const [step, setStep] = useState(0);
  const [expiringRound, setExpiringRound] = useState(0);
  /**
   * Where the focus goes once the list has rendered (and a dialog has closed): a row's button, the
   * add button, or a one-time password that has just been made.
   */
  const [focusTo, setFocusTo] = useState<{ id: string; button: RowButton } | { password: string } | 'add' | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addRef = useRef<HTMLButtonElement>(null);

  const data = load.state === 'done' ? load.data : null;
  const items = useMemo(
    () => (data ? [...data.items].sort((a, b) => a.name.localeCompare(b.name, lang)) : []),
    [data, lang],
  );
  const locations = data?.locations ?? [];

  useEffect(() => {
    if (!focusTo) return;
    let el: HTMLElement | null | undefined;
    if (focusTo === 'add') el = addRef.current;
    else if ('password' in focusTo) el = document.getElementById(`otp-${focusTo.password}-title`);
    else el = buttons.current.get(`${focusTo.id}:${focusTo.button}`);
    if (!el) return;
    const password = focusTo !== 'add' && 'password' in focusTo;
    el.focus({ preventScroll: password });
    // The whole of a new password in view, from its title.
    if (password) el.closest('.otp')?.scrollIntoView({ block: 'start' });
    setFocusTo(null);
  }, [focusTo, items, editing, adding, revealed]);

  const buttonRef = (id: string) => (button: RowButton) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(`${id}:${button}`, el);
    else buttons.current.delete(`${id}:${button}`);
  };

  function replace(account: StaffAccount) {
    if (!data) return;
    const known = data.items.some((x) => x.id === account.id);
    set({ ...data, items: known ? data.items.map((x) => (x.id === account.id ? account : x)) : [...data.items, account] });
  }

  /** The next step starts: what the last one said goes. */
  function nextStep() {
    setOutcome(null);
    setRowError(null);
    setRevealed(null);
    setAnnouncement('');
    setStep((n) => n + 1);
  }

  function done(account: StaffAccount, note: string, focus: RowButton) {
    replace(account);
    setOutcome({ id: account.id, note });
    setAnnouncement(note);
    setFocusTo({ id: account.id, button: focus });
  }

  function openAdd() {
    nextStep();
    setAdding(true);
  }

  function openEdit(id: string) {
    nextStep();
    setEditing(id);
  }

  function added(account: NewStaffAccount) {
    replace(withoutPassword(account));
    setAdding(false);
    setRevealed({ kind: 'new', account });
    setFocusTo({ password: account.id });
  }

  async function enable(member: StaffAccount) {
    if (busyId) return;
    nextStep();
    setBusyId(member.id);
    try {
      const after = await changeStaff(member.id, { active: true });
      done(after, t('staff.enabledNote', { name: after.name }), 'toggle');
    } catch (err) {
      if (!isSessionEnded(err)) setRowError({ id: member.id, text: errorText(t, err) });
    } finally {
      setBusyId(null);
    }
  }

  function ask(step: DangerStep, member: StaffAccount) {
    setAskError(null);
    setAsking({ step, member });
  }

  function stopAsking() {
    if (!asking) return;
    setAsking(null);
    setFocusTo({ id: asking.member.id, button: asking.step === 'disable' ? 'toggle' : asking.step });
  }

  async function confirm() {
    if (!asking || busyId) return;
    const { step, member } = asking;
    nextStep();
    setAskError(null);
    setBusyId(member.id);
    try {
      if (step === 'disable') {
        const after = await changeStaff(member.id, { active: false });
        done(after, t('staff.disabledNote', { name: after.name }), 'toggle');
      } else if (step === 'totp') {
        const after = await resetStaffTotp(member.id);
        done(after, t('staff.totpResetNote', { name: after.name }), 'totp');
      } else {
        const after = await resetStaffPassword(member.id);
        replace(withoutPassword(after));
        setRevealed({ kind: 'reset', account: after });
        setFocusTo({ password: after.id });
      }
      setAsking(null);
    } catch (err) {
      if (!isSessionEnded(err)) setAskError(errorText(t, err));
    } finally {
      setBusyId(null);
    }
  }

  const inactive = items.filter((m) => !m.active).length;
  const count =
    items.length === 1
      ? t('staff.countOne')
      : inactive
        ? t('staff.countInactive', { n: items.length, off: inactive })
        : t('staff.count', { n: items.length });
  const askName = asking?.member.name ?? '';

  return (
    <main className="screen staff" id="main">
      <ScreenTitle title={t('staff.title')} />
      <p className="screen__sub">{t('staff.intro')}</p>
      <ExpiringPanel round={expiringRound} />

      <Section
        id="sec-team"
        title={t('staff.teamTitle')}
        wide
        actions={
          !adding && data ? (
            <button type="button" className="button button--primary" ref={addRef} onClick={openAdd}>
              {t('staff.add')}
            </button>
          ) : null
        }
      >
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {revealed?.kind === 'new' ? (
          <OneTimePassword
            account={revealed.account}
            kind="new"
            onDone={() => {
              setRevealed(null);
              setFocusTo('add');
            }}
          />
        ) : null}
        {adding ? (
          <StaffForm
            locations={locations}
            onSaved={(saved) => added(saved as NewStaffAccount)}
            onCancel={() => {
              setAdding(false);
              setFocusTo('add');
            }}
          />
        ) : null}
        {!data ? (
          <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
        ) : (
          <>
            <p className="muted staff__count">{count}</p>
            <ul className="members" aria-labelledby="sec-team">
              {items.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  own={member.id === me.id}
                  locations={locations}
                  editing={editing === member.id}
                  busy={busyId === member.id}
                  outcome={outcome?.id === member.id ? outcome.note : null}
                  error={rowError?.id === member.id ? rowError.text : null}
                  password={revealed?.kind === 'reset' && revealed.account.id === member.id ? revealed.account : null}
                  buttonRef={buttonRef(member.id)}
                  onEdit={() => openEdit(member.id)}
                  onDanger={(step) => ask(step, member)}
                  onEnable={() => void enable(member)}
                  onSaved={(after) => {
                    setEditing(null);
                    done(after, t('staff.savedNamed', { name: after.name }), 'edit');
                  }}
                  onCancel={() => {
                    setEditing(null);
                    setFocusTo({ id: member.id, button: 'edit' });
                  }}
                  onPasswordDone={() => {
                    setRevealed(null);
                    setFocusTo({ id: member.id, button: 'password' });
                  }}
                  qualifications={
                    mayWriteDossier(member.role) ? (
                      <Qualifications
                        member={member}
                        canAdd={member.active}
                        step={step}
                        onStep={nextStep}
                        onAdded={() => setExpiringRound((n) => n + 1)}
                      />
                    ) : null
                  }
                />
              ))}
            </ul>
          </>
        )}
      </Section>

      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`staff.confirm.${asking.step}.title`, { name: askName }) : ''}
        text={asking ? t(`staff.confirm.${asking.step}.text`, { name: askName }) : ''}
        confirmLabel={asking ? t(`staff.confirm.${asking.step}.submit`) : ''}
        busy={busyId !== null && busyId === asking?.member.id}
        error={askError}
        errorTitle={t('staff.confirmFailed')}
        onConfirm={() => void confirm()}
        onCancel={stopAsking}
      />
    </main>
  );
}
