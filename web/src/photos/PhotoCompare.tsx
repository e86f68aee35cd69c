// Before and after of a trajectory side by side (R-PHOTO-4), and the two laid over each other
// with a slider: left of the line the photo before, right of it the photo after. The line's
// place is a CSS custom property set through the CSSOM (the CSP allows no style attribute).
import { useEffect, useId, useRef, useState } from 'react';
import type { Photo } from '../api/client';
import { photoUrl } from '../api/endpoints';
import { useI18n } from '../i18n';
import { SelectField } from '../ui/controls';
import { formatDateTime } from '../ui/format';
import { photoAlt } from './photoLabels';
import './compare.css';

/** The latest photo after, and the earliest before of the same area (or else the earliest). */
function defaults(before: Photo[], after: Photo[]): [string, string] {
  const a = after[after.length - 1];
  const b = before.find((p) => p.area === a?.area) ?? before[0];
  return [b?.id ?? '', a?.id ?? ''];
}

export function PhotoCompare({ photos }: { photos: Photo[] }) {
  const { t } = useI18n();
  const uid = useId();
  const before = photos.filter((p) => p.phase === 'before');
  const after = photos.filter((p) => p.phase === 'after');
  const [chosen, setChosen] = useState<[string, string]>(() => defaults(before, after));
  const [pos, setPos] = useState(50);
  const stage = useRef<HTMLDivElement>(null);

  const b = before.find((p) => p.id === chosen[0]) ?? before.find((p) => p.id === defaults(before, after)[0]);
  const a = after.find((p) => p.id === chosen[1]) ?? after[after.length - 1];

  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    el.style.setProperty('--pos', `${pos}%`);
    if (b) el.style.setProperty('--ratio', `${b.width} / ${b.height}`);
  }, [pos, b]);

  if (!b || !a) return <p className="muted">{t('photos.compareNeeds')}</p>;

  const option = (p: Photo) => (
    <option key={p.id} value={p.id}>
      {t('photos.compareOption', { area: p.area, time: formatDateTime(p.uploaded_at) })}
    </option>
  );

  return (
    <div className="compare">
      {before.length > 1 || after.length > 1 ? (
        <div className="compare__choose">
          <SelectField id="compare-before" label={t('photos.compareBefore')} value={b.id} onChange={(e) => setChosen([e.target.value, a.id])}>
            {before.map(option)}
          </SelectField>
          <SelectField id="compare-after" label={t('photos.compareAfter')} value={a.id} onChange={(e) => setChosen([b.id, e.target.value])}>
            {after.map(option)}
          </SelectField>
        </div>
      ) : null}
      <div className="compare__pair">
        {[b, a].map((p) => (
          <figure className="compare__side" key={p.id}>
            <img className="compare__side-img" src={photoUrl(p.id)} alt={photoAlt(t, p)} width={p.width} height={p.height} />
            <figcaption className="compare__caption">
              <strong>{t(`photos.phaseTitle.${p.phase}`)}</strong> · {p.area} ·{' '}
              <span className="nowrap">{formatDateTime(p.uploaded_at)}</span>
            </figcaption>
          </figure>
        ))}
      </div>
      <div className="compare__stage" ref={stage} aria-hidden="true">
        <img className="compare__img" src={photoUrl(b.id)} alt="" />
        <img className="compare__img compare__img--after" src={photoUrl(a.id)} alt="" />
        <span className="compare__line" />
        <span className="compare__tag compare__tag--before">{t('photos.phase.before')}</span>
        <span className="compare__tag compare__tag--after">{t('photos.phase.after')}</span>
      </div>
      <label className="field__label compare__label" htmlFor={`${uid}-pos`}>
        {t('photos.compareSlider')}
      </label>
      <input
        id={`${uid}-pos`}
        className="compare__range"
        type="range"
        min={0}
        max={100}
        step={1}
        value={pos}
        aria-valuetext={t('photos.compareValue', { before: pos, after: 100 - pos })}
        onChange={(e) => setPos(Number(e.target.value))}
      />
    </div>
  );
}
