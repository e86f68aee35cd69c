// A session record as it was saved (R-TRJ-2): read-only, for a signed session and the auditor.
import type { ReactNode } from 'react';
import type { Session } from '../api/client';
import { useI18n } from '../i18n';
import { Item } from '../ui/card';
import { formatDateTime } from '../ui/format';
import { useStaffName } from '../ui/staffDirectory';

export function SessionRecord({ session }: { session: Session }) {
  const { t } = useI18n();
  const staffName = useStaffName();
  const empty = <span className="facts__empty">{t('client.notGiven')}</span>;
  const text = (v: string): ReactNode => (v ? <span className="prewrap">{v}</span> : empty);
  return (
    <dl className="facts">
      <Item label={t('session.performedAt')}>{formatDateTime(session.performed_at)}</Item>
      <Item label={t('session.practitioner')}>{staffName(session.practitioner)}</Item>
      <Item label={t('session.treatmentType')}>
        {t('session.typeVersion', { name: session.treatment_type.name, n: session.treatment_type.version })}
      </Item>
      <Item label={t('session.bodyAreas')}>{session.body_areas.length ? session.body_areas.join(', ') : empty}</Item>
      <Item label={t('session.productsGroup')}>
        {session.products.length ? (
          <ul className="plain-list">
            {session.products.map((p, i) => (
              <li key={i}>
                {t('session.productLine', { kind: t(`product.${p.kind}`), name: p.name, batch: p.batch || '—' })}
              </li>
            ))}
          </ul>
        ) : (
          empty
        )}
      </Item>
      <Item label={t('session.deviceGroup')}>
        {session.device
          ? t('session.deviceLine', { name: session.device.name, settings: session.device.settings || '—' })
          : empty}
      </Item>
      <Item label={t('session.particulars')}>{text(session.particulars)}</Item>
      <Item label={t('session.result')}>{text(session.result)}</Item>
      <Item label={t('session.evaluation')}>{text(session.evaluation)}</Item>
      <Item label={t('session.attention_points')}>{text(session.attention_points)}</Item>
      <Item label={t('session.aftercare_advice')}>{text(session.aftercare_advice)}</Item>
    </dl>
  );
}
