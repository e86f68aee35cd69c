// /clients/:id/trajectories/:tid: one behandeltraject. At the top, what is still missing before
// the next session ("wat ontbreekt nog"), and a warning when the intake changed since the
// consult; then the information duty (R-TRJ-1), the decision consult (R-CONSENT-1), the
// client's decision after the reflection period (R-CONSENT-2), the consents (R-CONSENT-3..6),
// the sessions and the photos, before and after compared, with the R-TRJ-3 flags for missing
// ones. The auditor reads it all; only owner and practitioner get the forms.
import { useCallback, useState, type ReactNode } from 'react';
import { ApiError, isSessionEnded, type Client, type IntakeHistory, type Trajectory } from '../api/client';
import { getClient, getIntake, getTrajectory, recordDecision } from '../api/endpoints';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Item, Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { errorText, intakeFieldList } from '../ui/errors';
import { takeFlash } from '../ui/flash';
import { addDays, dateInAmsterdam, formatDate, formatDateTime, fullName, todayInAmsterdam } from '../ui/format';
import { mayWriteDossier } from '../ui/roles';
import { Link } from '../ui/router';
import { LoadStatus } from '../ui/LoadStatus';
import { ScreenTitle } from '../ui/screen';
import { useLoad } from '../ui/useLoad';
import { ConsentForm } from './ConsentForm';
import { ConsultForm } from './ConsultForm';
import type { ConsentKind } from './consentText';
import { missingKey, regimeLabel, staffName } from './labels';
import { SessionsSection } from './SessionsSection';
import { PhotoFlagsNotice } from '../photos/PhotoFlagsNotice';
import { PhotosSection } from '../photos/PhotosSection';

/** Where each missing item is put right. */
const MISSING_TARGET: Record<string, string> = {
  consult_missing: 'sec-consult',
  decision_missing: 'sec-decision',
  consent_missing: 'sec-consents',
  confirmation_missing: 'sec-consents',
};

function focusSection(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus();
}

function Reflection({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  const earliest = trajectory.earliest_decision;
  if (!earliest) return null;
  if (earliest <= todayInAmsterdam()) return <>{t('decision.allowedNow')}</>;
  return <>{t('decision.reflectionUntil', { until: formatDate(addDays(earliest, -1)), earliest: formatDate(earliest) })}</>;
}

function MissingPanel({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  if (trajectory.missing.length === 0) {
    return (
      <section className="missing missing--done" aria-labelledby="missing-title">
        <h2 className="missing__title" id="missing-title">
          {t('missing.title')}
        </h2>
        <p>{t('missing.nothing')}</p>
      </section>
    );
  }
  return (
    <section className="missing" aria-labelledby="missing-title">
      <h2 className="missing__title" id="missing-title">
        {t('missing.title')}
      </h2>
      <ul className="missing__list">
        {trajectory.missing.map((code) => {
          const key = missingKey(code);
          const target = MISSING_TARGET[code];
          return (
            <li key={code} className={`missing__item${code === 'records_refused' ? ' missing__item--blocked' : ''}`}>
              <p className="missing__what">{key ? t(key) : code}</p>
              <p className="missing__how">
                {key ? t(`${key}Text` as MessageKey) : null}
                {code === 'decision_missing' && trajectory.earliest_decision ? (
                  <>
                    {' '}
                    <strong>
                      <Reflection trajectory={trajectory} />
                    </strong>
                  </>
                ) : null}
              </p>
              {target ? (
                <a
                  href={`#${target}`}
                  className="button button--quiet missing__go"
                  onClick={(e) => {
                    e.preventDefault();
                    focusSection(target);
                  }}
                >
                  {t(`missing.go.${code}` as MessageKey)}
                </a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function InformationSection({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  const me = useMe();
  const empty = <span className="facts__empty">{t('client.notGiven')}</span>;
  const text = (value: string): ReactNode => (value ? <span className="prewrap">{value}</span> : empty);
  return (
    <Section id="sec-information" title={t('trajectory.informationTitle')} wide>
      <dl className="facts">
        <Item label={t('trajectory.goal')}>{text(trajectory.goal)}</Item>
        <Item label={t('trajectory.expected_result')}>{text(trajectory.expected_result)}</Item>
        <Item label={t('trajectory.planned_sessions')}>{trajectory.planned_sessions}</Item>
        <Item label={t('trajectory.risks')}>{text(trajectory.risks)}</Item>
        <Item label={t('trajectory.alternatives')}>{text(trajectory.alternatives)}</Item>
        <Item label={t('trajectory.costs')}>{text(trajectory.costs)}</Item>
        <Item label={t('trajectory.aftercare')}>{text(trajectory.aftercare)}</Item>
        <Item label={t('trajectory.intakeReviewed')}>
          {trajectory.intake_version ? t('trajectory.intakeVersion', { n: trajectory.intake_version }) : empty}
        </Item>
      </dl>
      <p className="muted small">
        {t('trajectory.recordedBy', { time: formatDateTime(trajectory.created_at), author: staffName(t, me, trajectory.created_by) })}
      </p>
    </Section>
  );
}

interface SectionProps {
  trajectory: Trajectory;
  write: boolean;
  onSaved: (t: Trajectory) => void;
  /** The message after a save in this section. */
  note: ReactNode;
}

function ConsultSection({ trajectory, write, onSaved, note }: SectionProps) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Section id="sec-consult" title={t('consult.title')} wide={trajectory.consults.length === 0}>
      {note}
      {trajectory.consults.length === 0 && !write ? <p className="muted">{t('consult.none')}</p> : null}
      {trajectory.consults.map((c) => (
        <dl className="facts" key={c.id}>
          <Item label={t('consult.at')}>{formatDateTime(c.at)}</Item>
          <Item label={t('consult.leafletVersion')}>{c.leaflet_version}</Item>
          <Item label={t('consult.proposed')}>
            <span className="prewrap">{c.proposed}</span>
          </Item>
          <Item label={t('consult.intake')}>{t('trajectory.intakeVersion', { n: c.intake_version })}</Item>
          <Item label={t('consult.recordedBy')}>{staffName(t, me, c.recorded_by)}</Item>
        </dl>
      ))}
      {write && trajectory.consults.length === 0 ? <ConsultForm trajectory={trajectory} onSaved={onSaved} /> : null}
    </Section>
  );
}

function DecisionSection({ trajectory, write, onSaved, note }: SectionProps) {
  const { t } = useI18n();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const decision = trajectory.decisions[trajectory.decisions.length - 1];

  async function decide() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await recordDecision(trajectory.id));
    } catch (err) {
      if (isSessionEnded(err)) return;
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section id="sec-decision" title={t('decision.title')} wide={trajectory.consults.length === 0}>
      {note}
      {decision ? (
        <dl className="facts">
          <Item label={t('decision.at')}>{formatDateTime(decision.at)}</Item>
          <Item label={t('consult.recordedBy')}>{staffName(t, me, decision.recorded_by)}</Item>
        </dl>
      ) : trajectory.consults.length === 0 ? (
        <p className="muted">{t('decision.afterConsult')}</p>
      ) : (
        <>
          <p>{t('decision.intro')}</p>
          {trajectory.earliest_decision ? (
            <p className="reflection">
              <Reflection trajectory={trajectory} />
            </p>
          ) : null}
          <div role="alert">
            {error ? (
              <Notice kind="error" title={t('decision.refused')}>
                <p>{error}</p>
              </Notice>
            ) : null}
          </div>
          {write ? (
            <div className="actions">
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void decide()}>
                {busy ? <span className="spinner" aria-hidden="true" /> : null}
                {t('decision.record')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

function ConsentsSection({
  client,
  trajectory,
  intake,
  write,
  onSaved,
  note,
}: SectionProps & { client: Client; intake: IntakeHistory | null }) {
  const { t } = useI18n();
  const me = useMe();
  const cosmetic = trajectory.treatment_type.regime === 'cosmetic';
  const decided = trajectory.decisions.length > 0;
  // A cosmetic procedure is confirmed on the day, after the decision; other regimes sign
  // informed consent (required before the first session for wkkgz and pmu).
  const kinds: ConsentKind[] = cosmetic ? ['confirmation', 'informed'] : ['informed'];
  // Open while the trajectory asks for a consent; otherwise one tap away.
  const asked = trajectory.missing.includes('consent_missing') || trajectory.missing.includes('confirmation_missing');
  const [open, setOpen] = useState(false);
  return (
    <Section id="sec-consents" title={t('consent.title')} wide>
      {note}
      {trajectory.consents.length === 0 && !(cosmetic && !decided) ? <p className="muted">{t('consent.none')}</p> : null}
      {trajectory.consents.length ? (
        <ul className="consents">
          {[...trajectory.consents].reverse().map((c) => (
            <li key={c.id} className="consents__item">
              <p className="consents__kind">{t(`consent.kind.${c.kind}`)}</p>
              <p className="muted">
                {t('consent.signedLine', {
                  time: formatDateTime(c.signed_at),
                  how: t(`consent.signedBy.${c.signature_kind}`),
                  n: c.intake_version,
                  author: staffName(t, me, c.recorded_by),
                })}
              </p>
              <details className="disclosure">
                <summary className="disclosure__summary">{t('consent.showText')}</summary>
                <div className="disclosure__body">
                  <blockquote className="consent-text prewrap">{c.text}</blockquote>
                  <p className="muted small hash">{t('consent.hash', { hash: c.text_sha256 })}</p>
                </div>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      {cosmetic && !decided ? <p className="muted">{t('consent.afterDecision')}</p> : null}
      {write && (decided || !cosmetic) ? (
        asked || open ? (
          <ConsentForm
            key={trajectory.consents.length}
            client={client}
            trajectory={trajectory}
            intake={intake}
            kinds={kinds}
            onSaved={(next) => {
              setOpen(false);
              onSaved(next);
            }}
            onCancel={asked ? undefined : () => setOpen(false)}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            {t('consent.another')}
          </button>
        )
      ) : null}
    </Section>
  );
}

export function TrajectoryScreen({ clientId, trajectoryId }: { clientId: string; trajectoryId: string }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const write = mayWriteDossier(me.role);
  const [flash] = useState(() => takeFlash(`/clients/${clientId}/trajectories/${trajectoryId}`));
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

  function update(key: MessageKey, section: string) {
    return (next: Trajectory) => {
      set(next);
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

      <MissingPanel trajectory={trajectory} />
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
        <PhotosSection client={client} trajectory={trajectory} onUploaded={refresh} />
      </div>
    </main>
  );
}
