// The sessions (behandelverslagen) of a trajectory, newest first: when, by whom, draft or
// signed, and the way to a new one (R-TRJ-2).
import type { Session, Trajectory } from '../api/client';
import { useI18n } from '../i18n';
import { Section } from '../ui/card';
import { formatDateTime } from '../ui/format';
import { Link } from '../ui/router';
import { useStaffName } from '../ui/staffDirectory';
import '../ui/results.css';
import './trajectories.css';

export function sessionPath(clientId: string, trajectoryId: string, sessionId: string): string {
  return `/clients/${clientId}/trajectories/${trajectoryId}/sessions/${sessionId}`;
}

export function SessionsSection({ clientId, trajectory, write }: { clientId: string; trajectory: Trajectory; write: boolean }) {
  const { t } = useI18n();
  const staffName = useStaffName();
  const sessions: Session[] = [...trajectory.sessions].sort((a, b) => b.performed_at.localeCompare(a.performed_at));
  const blocked = trajectory.missing.length > 0;
  return (
    <Section
      id="sec-sessions"
      title={t('session.listTitle')}
      wide
      actions={
        write ? (
          <Link to={`/clients/${clientId}/trajectories/${trajectory.id}/sessions/new`} className="button button--primary">
            {t('session.new')}
          </Link>
        ) : null
      }
    >
      {write && blocked ? <p className="muted">{t('session.blockedHint')}</p> : null}
      {sessions.length === 0 ? (
        <p className="muted">{t('session.none')}</p>
      ) : (
        <ul className="results" aria-label={t('session.listTitle')}>
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={sessionPath(clientId, trajectory.id, s.id)} className="result session-row">
                <span className="result__name">{formatDateTime(s.performed_at)}</span>
                <span className="trajectory-row__meta">
                  {staffName(s.practitioner)}
                  {s.body_areas.length ? ` · ${s.body_areas.join(', ')}` : ''}
                </span>
                <span className={`badge ${s.status === 'signed' ? 'badge--ready' : 'badge--todo'}`}>
                  {t(`session.status.${s.status}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
