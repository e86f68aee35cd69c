// One qualification as the team screen shows it (R-STAFF-1): its title and kind, what it counts
// for (the codes by name), the BIG number, valid from and until, and a badge when it is not yet
// valid, ends within 60 days or has ended. The expiring panel names the person too.
import type { Qualification } from '../api/client';
import { useI18n, type Translate } from '../i18n';
import { formatDate } from '../ui/format';
import { qualificationLabel } from '../ui/qualifications';
import { daysUntil, standing } from './qualificationValues';

export function QualificationBadge({ q, today }: { q: Qualification; today: string }) {
  const { t } = useI18n();
  const s = standing(q, today);
  if (s === 'valid') return null;
  const text =
    s === 'pending'
      ? t('qual.badge.pending', { date: formatDate(q.valid_from) })
      : s === 'expired'
        ? t('qual.badge.expired')
        : t('qual.badge.expiring', { date: formatDate(q.valid_until ?? '') });
  return <span className={`badge badge--qual-${s}`}>{text}</span>;
}

/** "Geldig van 01-07-2021 tot en met 13-01-2027", or from a day without an end. */
export function validity(t: Translate, q: Qualification): string {
  return q.valid_until
    ? t('qual.validRange', { from: formatDate(q.valid_from), until: formatDate(q.valid_until) })
    : t('qual.validFrom', { from: formatDate(q.valid_from) });
}

/** "over 20 dagen", "morgen", "vandaag is de laatste dag". */
export function remaining(t: Translate, today: string, q: Qualification): string {
  const days = daysUntil(today, q.valid_until ?? today);
  if (days <= 0) return t('qual.lastDayToday');
  if (days === 1) return t('qual.endsTomorrow');
  return t('qual.endsInDays', { n: days });
}

export function QualificationItem({ q, today, added }: { q: Qualification; today: string; added: boolean }) {
  const { t } = useI18n();
  const s = standing(q, today);
  return (
    <li className={`qual qual--${s}${added ? ' qual--added' : ''}`}>
      <p className="qual__head">
        <span className="qual__title">{q.title}</span>
        <span className="qual__kind">{t(`qual.kind.${q.kind}`)}</span>
        <QualificationBadge q={q} today={today} />
      </p>
      <p className="qual__covers">
        {t('qual.covers', { codes: q.covers.map((c) => qualificationLabel(t, c)).join(', ') })}
      </p>
      <p className="qual__valid">{validity(t, q)}</p>
      {q.big_number ? <p className="qual__big">{t('qual.bigNumber', { number: q.big_number })}</p> : null}
    </li>
  );
}
