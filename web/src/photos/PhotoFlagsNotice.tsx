// R-TRJ-3 on the trajectory screen: photos before the first or after the last session are
// missing (the server says so only for a type with visible results while photos are allowed).
import type { Trajectory } from '../api/client';
import { useI18n } from '../i18n';
import { Notice } from '../ui/controls';
import { photoFlags } from './photoLabels';
import './photos.css';

export function PhotoFlagsNotice({ trajectory, onGo }: { trajectory: Trajectory; onGo?: () => void }) {
  const { t } = useI18n();
  const flags = photoFlags(trajectory);
  if (!flags.length) return null;
  return (
    <Notice kind="warning" title={t('photoFlag.title')}>
      <ul className="photo-flags__list">
        {flags.map((f) => (
          <li key={f}>
            <strong>{t(`photoFlag.${f}`)}</strong>
            <br />
            {t(`photoFlag.${f}Text`)}
          </li>
        ))}
      </ul>
      {onGo ? (
        <a
          href="#sec-photos"
          className="button button--secondary"
          onClick={(e) => {
            e.preventDefault();
            onGo();
          }}
        >
          {t('photoFlag.go')}
        </a>
      ) : null}
    </Notice>
  );
}
