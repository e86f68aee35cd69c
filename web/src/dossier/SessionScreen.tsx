// /clients/:id/trajectories/:tid/sessions/new and .../sessions/:sid: a session record
// (behandelverslag, R-TRJ-2). New and draft sessions are a form (saved as a draft, or signed);
// a signed session is read-only, and corrections are addenda with author, time and reason
// while the original stays (R-DOS-3). The auditor reads.
import { useState } from 'react';
import type { Session, SessionInput } from '../api/client';
import {
  createSession,
  getClient,
  getSession,
  getTrajectory,
  listTrajectories,
  listTreatmentTypes,
  signSession,
  updateSession,
} from '../api/endpoints';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { setFlash, takeFlash } from '../ui/flash';
import { formatDateTime, fullName } from '../ui/format';
import { mayWriteDossier } from '../ui/roles';
import { Link, navigate } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import { LoadStatus } from '../ui/LoadStatus';
import { useLoad } from '../ui/useLoad';
import { AddendumForm } from './AddendumForm';
import { DiscardDraft } from './DiscardDraft';
import { useStaffName } from '../ui/staffDirectory';
import { SessionForm, SignRefused } from './SessionForm';
import { SessionRecord } from './SessionRecord';
import { sessionPath } from './SessionsSection';
import './session.css';

/** Why a just-created draft was not signed, for the draft's own screen. */
let carried: { path: string; err: unknown } | null = null;

function takeCarried(path: string | null): unknown {
  if (!carried || carried.path !== path) return null;
  const err = carried.err;
  carried = null;
  return err;
}

export function SessionScreen({ clientId, trajectoryId, sessionId }: { clientId: string; trajectoryId: string; sessionId: string | null }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const staffName = useStaffName();
  const write = mayWriteDossier(me.role);
  const path = sessionId ? sessionPath(clientId, trajectoryId, sessionId) : null;
  const [flash, setFlashHere] = useState<MessageKey | null>(() => (path ? takeFlash(path) : null));
  const [signError] = useState(() => takeCarried(path));
  const [addendumSaved, setAddendumSaved] = useState(false);
  const context = useLoad(
    (signal) =>
      Promise.all([
        getClient(clientId, signal),
        getTrajectory(trajectoryId, signal),
        listTrajectories(clientId, signal),
        listTreatmentTypes(signal),
      ]),
    [clientId, trajectoryId, lang],
  );
  const session = useLoad<Session | null>((signal) => (sessionId ? getSession(sessionId, signal) : Promise.resolve(null)), [sessionId]);
  const trajectoryPath = `/clients/${clientId}/trajectories/${trajectoryId}`;

  const back = (
    <p className="back">
      <Link to={trajectoryPath}>
        {context.load.state === 'done' ? t('session.backTo', { name: context.load.data[1].treatment_type.name }) : t('session.backToTrajectory')}
      </Link>
    </p>
  );

  if (context.load.state !== 'done' || session.load.state !== 'done') {
    const err = context.load.state === 'error' ? context.load.err : session.load.state === 'error' ? session.load.err : null;
    return (
      <main className="screen screen--narrow" id="main">
        {back}
        <ScreenTitle title={t(sessionId ? 'session.title' : 'session.newTitle')} />
        <LoadStatus
          err={err}
          retry={() => {
            context.reload();
            session.reload();
          }}
        />
      </main>
    );
  }

  const [client, trajectory, all, catalogue] = context.load.data;
  const current = session.load.data;
  const type = catalogue.items.find((x) => x.id === trajectory.treatment_type.id);
  const pmu = trajectory.treatment_type.regime === 'pmu';
  // The client's previous session of this treatment type, in any trajectory (R-TRJ-4).
  const previous = all.items
    .flatMap((x) => x.sessions)
    .filter((s) => s.treatment_type.id === trajectory.treatment_type.id && s.id !== current?.id && s.products.length > 0)
    .sort((a, b) => b.performed_at.localeCompare(a.performed_at))[0];

  async function submit(fields: SessionInput, sign: boolean, password?: string) {
    let saved: Session = current ? await updateSession(current.id, fields) : await createSession(trajectoryId, fields);
    let signError: unknown = null;
    if (sign) {
      try {
        saved = await signSession(saved.id, password);
      } catch (err) {
        if (current) throw new SignRefused(err); // the form shows it; the draft stays as saved
        signError = err;
      }
    }
    const target = sessionPath(clientId, trajectoryId, saved.id);
    if (signError) {
      // The new draft exists: go to it, and show there why it was not signed.
      carried = { path: target, err: signError };
      setFlash('session.draftSaved', target);
      navigate(target, { replace: true, force: true });
      return;
    }
    const message: MessageKey = sign ? 'session.signed' : 'session.draftSaved';
    if (current && current.id === saved.id) {
      session.set(saved);
      setFlashHere(message);
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('h1')?.focus();
    } else {
      setFlash(message, target);
      navigate(target, { replace: true, force: true });
    }
  }

  const signed = current?.status === 'signed';
  const title = current ? t('session.title') : t('session.newTitle');

  return (
    <main className="screen screen--narrow" id="main">
      {back}
      {flash ? (
        <Notice kind="success" live="status">
          <p>{t(flash)}</p>
        </Notice>
      ) : null}
      <div className="screen__head">
        <ScreenTitle title={title} />
        {current ? <span className={`badge ${signed ? 'badge--ready' : 'badge--todo'}`}>{t(`session.status.${current.status}`)}</span> : null}
      </div>
      <p className="screen__sub">
        {fullName(client)} · {trajectory.treatment_type.name}
      </p>

      {!current && trajectory.missing.length ? (
        <Notice kind="warning" title={t('missing.title')}>
          <ul className="plain-list">
            {trajectory.missing.map((m) => (
              <li key={m}>{t(`missing.${m}` as MessageKey)}</li>
            ))}
          </ul>
          <p>{t('session.missingNote')}</p>
        </Notice>
      ) : null}

      {current && (signed || !write) ? (
        <>
          <div className="cards">
            <Section id="sec-record" title={t('session.recordTitle')} wide>
              <SessionRecord session={current} />
              {current.signed_at ? (
                <p className="muted small">
                  {t('session.signedLine', { time: formatDateTime(current.signed_at), author: staffName(current.signed_by) })}
                </p>
              ) : null}
            </Section>
            <Section id="sec-addenda" title={t('addendum.title')} wide>
              <div role="status">
                {addendumSaved ? (
                  <Notice kind="success">
                    <p>{t('addendum.saved')}</p>
                  </Notice>
                ) : null}
              </div>
              {current.addenda.length === 0 ? <p className="muted">{t('addendum.none')}</p> : null}
              {current.addenda.length ? (
                <ol className="addenda">
                  {current.addenda.map((a) => (
                    <li key={a.id} className="addenda__item">
                      <p className="addenda__meta">
                        {t('addendum.line', { time: formatDateTime(a.at), author: staffName(a.author) })}
                      </p>
                      <p>
                        <strong>{t('addendum.reason')}:</strong> {a.reason}
                      </p>
                      <p className="prewrap">{a.text}</p>
                    </li>
                  ))}
                </ol>
              ) : null}
              {write && signed ? (
                <AddendumForm
                  session={current}
                  onSaved={(next) => {
                    session.set(next);
                    setFlashHere(null);
                    setAddendumSaved(true);
                  }}
                />
              ) : null}
            </Section>
          </div>
        </>
      ) : write ? (
        <SessionForm
          key={current?.id ?? 'new'}
          trajectory={trajectory}
          draft={current ?? undefined}
          previous={previous}
          pmu={pmu}
          deviceRequired={type?.device_required ?? false}
          initialError={signError ?? undefined}
          onSubmit={submit}
        />
      ) : null}
      {write && current && !signed ? <DiscardDraft sessionId={current.id} trajectoryPath={trajectoryPath} /> : null}
    </main>
  );
}
