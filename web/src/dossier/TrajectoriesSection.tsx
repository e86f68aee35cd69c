// The client's trajectories (behandeltrajecten) on the card, in time order: the treatment, its
// regime, when it started, and at a glance whether a session can be recorded today or what is
// still missing (R-TRJ-1, R-CONSENT).
import type { Trajectory } from '../api/client';
import { listTrajectories } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { formatDate, dateInAmsterdam } from '../ui/format';
import { mayWriteDossier } from '../ui/roles';
import { Link } from '../ui/router';
import { LoadStatus } from '../ui/LoadStatus';
import { useLoad } from '../ui/useLoad';
import { missingKey, regimeLabel } from './labels';
import '../ui/results.css';
import './trajectories.css';

function Status({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useI18n();
  if (trajectory.missing.length === 0) {
    return <span className="badge badge--ready">{t('trajectory.ready')}</span>;
  }
  const refused = trajectory.missing.includes('records_refused');
  return (
    <span className={`badge ${refused ? 'badge--blocked' : 'badge--todo'}`}>
      {t(refused ? 'trajectory.blocked' : 'trajectory.notReady')}
    </span>
  );
}

export function TrajectoriesSection({ clientId }: { clientId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const { load, reload } = useLoad((signal) => listTrajectories(clientId, signal), [clientId]);

  let body;
  if (load.state !== 'done') {
    body = <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />;
  } else if (load.data.items.length === 0) {
    body = <p className="muted">{t('trajectories.none')}</p>;
  } else {
    const items = [...load.data.items].sort((a, b) => a.created_at.localeCompare(b.created_at));
    body = (
      <ul className="results trajectories" aria-label={t('trajectories.listLabel')}>
        {items.map((tr) => {
          const first = tr.missing.map(missingKey).find((k) => k !== null);
          return (
            <li key={tr.id}>
              <Link to={`/clients/${clientId}/trajectories/${tr.id}`} className="result trajectory-row">
                <span className="trajectory-row__main">
                  <span className="result__name">{tr.treatment_type.name}</span>
                  <span className="trajectory-row__meta">
                    {regimeLabel(t, tr.treatment_type.regime, tr.treatment_type.category)}
                    {' · '}
                    {t('trajectories.started', { date: formatDate(dateInAmsterdam(tr.created_at)) })}
                  </span>
                  {first ? <span className="trajectory-row__next">{t('trajectories.next', { what: t(first) })}</span> : null}
                  {tr.photo_flags?.length ? <span className="trajectory-row__warn">{t('photoFlag.title')}</span> : null}
                  {tr.intake_changed_since_consult.length ? (
                    <span className="trajectory-row__warn">{t('trajectory.intakeChangedShort')}</span>
                  ) : null}
                </span>
                <Status trajectory={tr} />
                <svg className="result__chevron" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                  <path d="M7.5 4.5 13 10l-5.5 5.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </Link>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <Section
      id="sec-trajectories"
      title={t('trajectories.title')}
      wide
      actions={
        mayWriteDossier(me.role) ? (
          <Link to={`/clients/${clientId}/trajectories/new`} className="button button--primary">
            {t('trajectories.new')}
          </Link>
        ) : null
      }
    >
      {body}
    </Section>
  );
}
