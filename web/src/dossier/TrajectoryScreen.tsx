// /clients/:id/trajectories/:tid: one behandeltraject. At the top, what is still missing before
// the next session ("wat ontbreekt nog"), and a warning when the intake changed since the
// consult; then the information duty (R-TRJ-1), the decision consult (R-CONSENT-1), the
// client's decision after the reflection period (R-CONSENT-2), the consents (R-CONSENT-3..6),
// the sessions and the photos, before and after compared, with the R-TRJ-3 flags for missing
// ones. The auditor reads it all; only owner and practitioner get the forms.
import { useCallback, useState } from 'react';
import { ApiError, type Trajectory } from '../api/client';
import { getClient, getIntake, getTrajectory } from '../api/endpoints';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Notice } from '../ui/controls';
import { intakeFieldList } from '../ui/errors';
import { takeFlash } from '../ui/flash';
import { dateInAmsterdam, formatDate, formatDateTime, fullName } from '../ui/format';
import { mayWriteDossier } from '../ui/roles';
import { Link } from '../ui/router';
import { LoadStatus } from '../ui/LoadStatus';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { ConsentsSection } from './ConsentsSection';
import { regimeLabel } from './labels';
import { focusSection, MissingPanel } from './MissingPanel';
import { SessionsSection } from './SessionsSection';
import { ConsultSection, DecisionSection, InformationSection } from './TrajectorySections';
import { PhotoFlagsNotice } from '../photos/PhotoFlagsNotice';
import { PhotosSection } from '../photos/PhotosSection';
import './trajectory.css';

export function TrajectoryScreen({ clientId, trajectoryId }: { clientId: string; trajectoryId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const write = mayWriteDossier(me.role);
  // The message of the step before ("Het behandeltraject is aangemaakt."): gone when the next starts.
  const [flash, setFlash] = useState(() => takeFlash(`/clients/${clientId}/trajectories/${trajectoryId}`));
  const [saved, setSaved] = useState<{ key: MessageKey; section: string } | null>(null);
  const context = useLoad(
    (signal) =>
      Promise.all([
        getClient(clientId, signal),
        getIntake(clientId, signal).catch((err: unknown) => {
          if (err instanceof ApiError && err.status !== 0) return null; // shown without the values
          throw err;
        }),
      ]),
    [clientId],
  );
  const { load, set, reload } = useLoad((signal) => getTrajectory(trajectoryId, signal), [trajectoryId, lang]);
  // A new photo may settle an R-TRJ-3 flag: the trajectory again, without the loading state.
  const refresh = useCallback(() => {
    getTrajectory(trajectoryId)
      .then(set)
      .catch(() => undefined); // the flags stay as they were until the next load
  }, [trajectoryId, set]);

  const cardPath = `/clients/${clientId}`;
  const back = (
    <p className="back">
      <Link to={cardPath}>
        {context.load.state === 'done' ? t('dossier.backTo', { name: fullName(context.load.data[0]) }) : t('dossier.backToClient')}
      </Link>
    </p>
  );

  if (load.state !== 'done' || context.load.state !== 'done') {
    const err = load.state === 'error' ? load.err : context.load.state === 'error' ? context.load.err : null;
    const notFound = err instanceof ApiError && err.code === 'not_found';
    return (
      <main className="screen" id="main">
        {back}
        <ScreenTitle title={notFound ? t('trajectory.notFound') : t('trajectory.title')} />
        {notFound ? (
          <p>{t('client.notFoundText')}</p>
        ) : (
          <LoadStatus
            err={err}
            retry={() => {
              reload();
              context.reload();
            }}
          />
        )}
      </main>
    );
  }

  const trajectory = load.data;
  const [client, intake] = context.load.data;
  const cosmetic = trajectory.treatment_type.regime === 'cosmetic';
  const changed = trajectory.intake_changed_since_consult;
  // The changes were discussed at a confirmation signed with the intake as it is now (R-CONSENT-6).
  const reviewedAt = trajectory.consents
    .filter((c) => c.kind === 'confirmation' && intake?.current && c.intake_version === intake.current.version)
    .map((c) => c.signed_at)
    .pop();

  // An answer recorded here (record keeping, photos) changes what is missing: the trajectory again.
  function clientChanged(next: typeof client) {
    context.set([next, intake]);
    refresh();
  }

  function update(key: MessageKey, section: string) {
    return (next: Trajectory) => {
      set(next);
      setFlash(null);
      setSaved({ key, section });
      window.setTimeout(() => document.getElementById(section)?.focus(), 0);
    };
  }

  const note = (section: string) => (
    <div role="status">
      {saved?.section === section ? (
        <Notice kind="success">
          <p>{t(saved.key)}</p>
        </Notice>
      ) : null}
    </div>
  );

  return (
    <main className="screen screen--dossier" id="main">
      {back}
      {flash ? (
        <Notice kind="success" live="status">
          <p>{t(flash)}</p>
        </Notice>
      ) : null}
      <ScreenTitle title={trajectory.treatment_type.name} />
      <p className="screen__sub">
        {fullName(client)}
        {' · '}
        {regimeLabel(t, trajectory.treatment_type.regime, trajectory.treatment_type.category)}
        {' · '}
        {t('trajectories.started', { date: formatDate(dateInAmsterdam(trajectory.created_at)) })}
      </p>

      <MissingPanel trajectory={trajectory} client={client} onClientChanged={write ? clientChanged : undefined} />
      <PhotoFlagsNotice trajectory={trajectory} onGo={() => focusSection('sec-photos')} />

      {changed.length ? (
        reviewedAt ? (
          <Notice kind="info" title={t('trajectory.intakeChangedTitle')}>
            <p>{t('trajectory.intakeChangedReviewed', { fields: intakeFieldList(t, changed), time: formatDateTime(reviewedAt) })}</p>
          </Notice>
        ) : (
          <Notice kind="warning" title={t('trajectory.intakeChangedTitle')}>
            <p>{t('trajectory.intakeChangedText', { fields: intakeFieldList(t, changed) })}</p>
          </Notice>
        )
      ) : null}

      <div className="cards">
        <InformationSection trajectory={trajectory} />
        {cosmetic ? (
          <>
            <ConsultSection trajectory={trajectory} write={write} onSaved={update('consult.saved', 'sec-consult')} note={note('sec-consult')} />
            <DecisionSection trajectory={trajectory} write={write} onSaved={update('decision.saved', 'sec-decision')} note={note('sec-decision')} />
          </>
        ) : null}
        <ConsentsSection
          client={client}
          trajectory={trajectory}
          intake={intake}
          write={write}
          onSaved={update('consent.saved', 'sec-consents')}
          note={note('sec-consents')}
        />
        <SessionsSection clientId={clientId} trajectory={trajectory} write={write} />
        <PhotosSection client={client} trajectory={trajectory} onUploaded={refresh} onClientChanged={write ? clientChanged : undefined} />
      </div>
    </main>
  );
}
