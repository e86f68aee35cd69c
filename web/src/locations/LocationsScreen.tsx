// /locations (owner only): the practice's locations (vestigingen). The owner adds one, renames
// one, closes one (asked first: no new clients there, its clients stay and can be moved) and
// reopens it; the last open location cannot close. After each change the app's own list of
// locations (the location switch, the new-client form) is read again from /me. What a step said
// goes when the next one starts.
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, isSessionEnded, type Location } from '../api/client';
import { changeLocation, getMe, listLocations } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useSession } from '../login/session';
import { Section } from '../ui/card';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { errorText } from '../ui/errors';
import { LoadStatus } from '../ui/LoadStatus';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { LocationForm } from './LocationForm';
import { LocationRow, type LocationButton } from './LocationRow';
import './locations.css';

export function LocationsScreen() {
  const { t, lang } = useI18n();
  const { updateMe } = useSession();
  const { load, reload, set } = useLoad((signal) => listLocations(signal).then((l) => l.items), []);
  const [adding, setAdding] = useState(false);
  /** The rows whose rename form is open: opening one closes no other, so nothing typed is lost. */
  const [renaming, setRenaming] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<{ id: string; note: string } | null>(null);
  const [rowError, setRowError] = useState<{ id: string; text: string } | null>(null);
  const [asking, setAsking] = useState<Location | null>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Where the focus goes once the list has rendered (and a dialog has closed). */
  const [focusTo, setFocusTo] = useState<{ id: string; button: LocationButton } | 'add' | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const addRef = useRef<HTMLButtonElement>(null);

  const data = load.state === 'done' ? load.data : null;
  const items = useMemo(() => (data ? [...data].sort((a, b) => a.name.localeCompare(b.name, lang)) : []), [data, lang]);
  const open = items.filter((l) => !l.closed);

  useEffect(() => {
    if (!focusTo) return;
    // A button that went with the change (the last open one has no Close): the row's first.
    const el =
      focusTo === 'add'
        ? addRef.current
        : (buttons.current.get(`${focusTo.id}:${focusTo.button}`) ?? buttons.current.get(`${focusTo.id}:rename`));
    if (!el) return;
    el.focus();
    setFocusTo(null);
  }, [focusTo, items, renaming, adding]);

  const buttonRef = (id: string) => (button: LocationButton) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(`${id}:${button}`, el);
    else buttons.current.delete(`${id}:${button}`);
  };

  /** The location switch and the new-client form take their locations from /me: read it again. */
  function refreshMe() {
    getMe()
      .then(updateMe)
      .catch(() => undefined); // the next login reads it anyway
  }

  function replace(location: Location) {
    if (!data) return;
    const known = data.some((x) => x.id === location.id);
    set(known ? data.map((x) => (x.id === location.id ? location : x)) : [...data, location]);
    refreshMe();
  }

  /** The next step starts: what the last one said goes. */
  function nextStep() {
    setOutcome(null);
    setRowError(null);
    setAnnouncement('');
  }

  function done(location: Location, note: string, focus: LocationButton) {
    replace(location);
    setOutcome({ id: location.id, note });
    setAnnouncement(note);
    setFocusTo({ id: location.id, button: focus });
  }

  async function toggle(location: Location, closed: boolean) {
    if (busyId) return;
    nextStep();
    setAskError(null);
    setBusyId(location.id);
    try {
      const after = await changeLocation(location.id, { closed });
      setAsking(null);
      done(after, t(closed ? 'locations.closedOutcome' : 'locations.reopenedOutcome', { name: after.name }), 'toggle');
    } catch (err) {
      if (isSessionEnded(err)) return;
      const lastOpen = err instanceof ApiError && err.code === 'last_open_location';
      // Another owner closed the others meanwhile: the list as it is now.
      if (lastOpen) void listLocations().then((l) => set(l.items), () => undefined);
      const text = lastOpen ? t('locations.lastOpenRefused') : errorText(t, err);
      if (closed) setAskError(text);
      else setRowError({ id: location.id, text });
    } finally {
      setBusyId(null);
    }
  }

  function stopAsking() {
    if (!asking) return;
    setAsking(null);
    setFocusTo({ id: asking.id, button: 'toggle' });
  }

  const closedCount = items.length - open.length;
  const count =
    items.length === 1
      ? t('locations.countOne')
      : closedCount
        ? t('locations.countClosed', { n: items.length, closed: closedCount })
        : t('locations.count', { n: items.length });

  return (
    <main className="screen locations" id="main">
      <ScreenTitle title={t('locations.title')} />
      <p className="screen__sub">{t('locations.intro')}</p>

      <Section
        id="sec-locations"
        title={t('locations.listTitle')}
        wide
        actions={
          !adding && data ? (
            <button
              type="button"
              className="button button--primary"
              ref={addRef}
              onClick={() => {
                nextStep();
                setAdding(true);
              }}
            >
              {t('locations.add')}
            </button>
          ) : null
        }
      >
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {adding ? (
          <LocationForm
            onSaved={(saved) => {
              setAdding(false);
              done(saved, t('locations.addedOutcome', { name: saved.name }), 'rename');
            }}
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
            <p className="muted locations__count">{count}</p>
            <ul className="places" aria-labelledby="sec-locations">
              {items.map((location) => (
                <LocationRow
                  key={location.id}
                  location={location}
                  lastOpen={!location.closed && open.length === 1}
                  renaming={renaming.includes(location.id)}
                  busy={busyId === location.id}
                  outcome={outcome?.id === location.id ? outcome.note : null}
                  error={rowError?.id === location.id ? rowError.text : null}
                  buttonRef={buttonRef(location.id)}
                  onRename={() => {
                    nextStep();
                    setRenaming((ids) => [...ids, location.id]);
                  }}
                  onClose={() => {
                    nextStep();
                    setAskError(null);
                    setAsking(location);
                  }}
                  onReopen={() => void toggle(location, false)}
                  onSaved={(after) => {
                    setRenaming((ids) => ids.filter((x) => x !== location.id));
                    done(after, t('locations.renamedOutcome', { name: after.name }), 'rename');
                  }}
                  onCancel={() => {
                    setRenaming((ids) => ids.filter((x) => x !== location.id));
                    setFocusTo({ id: location.id, button: 'rename' });
                  }}
                />
              ))}
            </ul>
          </>
        )}
      </Section>

      <ConfirmDialog
        open={asking !== null}
        title={asking ? t('locations.confirm.title', { name: asking.name }) : ''}
        text={asking ? t('locations.confirm.text', { name: asking.name }) : ''}
        confirmLabel={t('locations.confirm.submit')}
        busy={busyId !== null && busyId === asking?.id}
        error={askError}
        errorTitle={t('locations.confirmFailed')}
        onConfirm={() => asking && void toggle(asking, true)}
        onCancel={stopAsking}
      />
    </main>
  );
}
