// "Verloopt binnenkort" at the top of the team screen (R-STAFF-1, R-STAFF-2): the qualifications
// that end within 60 days, soonest first, with the person's name, the last valid day and how far
// off it is, and a button to that person's qualifications. Loaded again after an addition
// (`round`); meanwhile what was there stays on screen.
import { useEffect, useState } from 'react';
import type { Qualification } from '../api/client';
import { listExpiringQualifications } from '../api/endpoints';
import { useI18n } from '../i18n';
import { Section } from '../ui/card';
import { formatDate, todayInAmsterdam } from '../ui/format';
import { LoadStatus } from '../ui/LoadStatus';
import { useLoad } from '../ui/useLoad';
import { remaining } from './QualificationItem';
import { EXPIRING_DAYS } from './qualificationValues';
import './qualifications.css';

/** Scrolls to a colleague's qualifications and gives their heading the focus. */
function showQualifications(staffId: string) {
  const heading = document.getElementById(`quals-${staffId}`);
  heading?.scrollIntoView({ block: 'center' });
  heading?.focus({ preventScroll: true });
}

export function ExpiringPanel({ round }: { round: number }) {
  const { t } = useI18n();
  const { load, reload } = useLoad((signal) => listExpiringQualifications(EXPIRING_DAYS, signal), [round]);
  const [shown, setShown] = useState<Qualification[] | null>(null);
  const today = todayInAmsterdam();

  useEffect(() => {
    if (load.state === 'done') setShown(load.data.items);
  }, [load]);

  const items = shown ?? [];
  return (
    <Section id="sec-expiring" title={t('expiring.title')} wide>
      <div className={`expiring${items.length ? ' expiring--some' : ''}`}>
        {shown === null ? (
          <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
        ) : items.length === 0 ? (
          <p className="expiring__none">{t('expiring.none', { days: EXPIRING_DAYS })}</p>
        ) : (
          <>
            <p className="expiring__intro">{t('expiring.intro', { days: EXPIRING_DAYS })}</p>
            <ul className="expiring__list" aria-labelledby="sec-expiring">
              {items.map((q) => (
                <li className="expiring__item" key={q.id}>
                  <div className="expiring__what">
                    <p className="expiring__name">{q.staff_name}</p>
                    <p className="expiring__title">
                      {q.title} <span className="qual__kind">{t(`qual.kind.${q.kind}`)}</span>
                    </p>
                    <p className="expiring__when">
                      {t('expiring.lastDay', { date: formatDate(q.valid_until ?? '') })}
                      <span className="expiring__left">{remaining(t, today, q)}</span>
                    </p>
                  </div>
                  <button
                    type="button"
                    className="button button--secondary expiring__go"
                    aria-label={t('expiring.showNamed', { name: q.staff_name, title: q.title })}
                    onClick={() => showQualifications(q.staff)}
                  >
                    {t('expiring.show')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Section>
  );
}
