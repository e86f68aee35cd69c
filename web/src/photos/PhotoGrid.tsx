// The photos by phase (before, during, after; R-PHOTO-4) as thumbnails, oldest first. A
// thumbnail is a link to the photo itself; a click opens it in a dialog over the page.
import { useEffect, useId, useRef, useState } from 'react';
import type { Photo } from '../api/client';
import { photoUrl, thumbnailUrl } from '../api/endpoints';
import { useI18n } from '../i18n';
import { formatDateTime } from '../ui/format';
import { PHASES, photoAlt, photoCaption, photoParams } from './photoLabels';
import './photos.css';
import '../ui/dialog.css';

function PhotoViewer({ photo, onClose }: { photo: Photo | null; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (photo && !dialog.open) dialog.showModal();
    if (!photo && dialog.open) dialog.close();
  }, [photo]);

  return (
    <dialog ref={ref} className="dialog viewer" aria-labelledby={`${uid}-title`} onClose={onClose}>
      {photo ? (
        <div className="viewer__body">
          <div className="viewer__head">
            <h2 className="viewer__title" id={`${uid}-title`}>
              {t(`photos.phaseTitle.${photo.phase}`)}
              <span className="viewer__sub">{photoCaption(t, photo)}</span>
            </h2>
            <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
              {t('photos.close')}
            </button>
          </div>
          <img className="viewer__img" src={photoUrl(photo.id)} alt={photoAlt(t, photo)} width={photo.width} height={photo.height} />
        </div>
      ) : null}
    </dialog>
  );
}

/** Thumbnail size: the longest side is at most 400 px on the server. */
function thumbSize(p: Photo): { width: number; height: number } {
  const scale = Math.min(1, 400 / Math.max(p.width, p.height, 1));
  return { width: Math.max(1, Math.round(p.width * scale)), height: Math.max(1, Math.round(p.height * scale)) };
}

export function PhotoGrid({ photos, emptyText }: { photos: Photo[]; emptyText: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Photo | null>(null);
  const uid = useId();
  if (photos.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <>
      {PHASES.map((phase) => {
        const inPhase = photos.filter((p) => p.phase === phase);
        if (!inPhase.length) return null;
        return (
          <div className="photo-phase" key={phase}>
            <h3 className="photo-phase__title" id={`${uid}-${phase}`}>
              {t(`photos.phaseTitle.${phase}`)}
              <span className="photo-phase__count">{inPhase.length}</span>
            </h3>
            <ul className="thumbs" aria-labelledby={`${uid}-${phase}`}>
              {inPhase.map((p) => (
                <li key={p.id} className="thumbs__item">
                  <a
                    className="thumb"
                    href={photoUrl(p.id)}
                    onClick={(e) => {
                      if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return; // a new tab, as asked
                      e.preventDefault();
                      setOpen(p);
                    }}
                  >
                    <img className="thumb__img" src={thumbnailUrl(p.id)} alt="" loading="lazy" {...thumbSize(p)} />
                    <span className="thumb__caption">
                      <span className="visually-hidden">{t('photos.open', photoParams(t, p))} </span>
                      <span className="thumb__area">{p.area}</span>{' '}
                      <span className="thumb__time">{formatDateTime(p.uploaded_at)}</span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <PhotoViewer photo={open} onClose={() => setOpen(null)} />
    </>
  );
}
