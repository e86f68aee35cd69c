// Adding photos (R-PHOTO-1, R-PHOTO-4): first the phase and the body area (and, in a trajectory,
// the session if any), then the camera (`capture`, on a tablet or phone) or a picker for several
// photos at once. Each photo uploads with its own progress bar; a failed one says why, in the
// user's language, and can be sent again.
import { useId, useRef, type ChangeEvent, type RefObject } from 'react';
import { ApiError, type Photo, type PhotoPhase, type Trajectory } from '../api/client';
import type { PhotoTags } from '../api/endpoints';
import { useI18n, type Translate } from '../i18n';
import { ErrorIcon, RadioGroup, SelectField, TextField } from '../ui/controls';
import { errorText } from '../ui/errors';
import { formatDateTime } from '../ui/format';
import { BODY_AREAS, TYPE_AREAS } from '../dossier/labels';
import { useForm } from '../ui/useForm';
import { PHASES } from './photoLabels';
import { usePhotoUploads, type UploadItem } from './usePhotoUploads';
import './upload.css';

const OTHER = '\u0000other';

interface Tags {
  phase: PhotoPhase;
  /** A body area offered, or OTHER for the one typed in `other`. */
  area: string;
  other: string;
  /** The session the photos belong to, if any. */
  session: string;
}

function uploadError(t: Translate, err: unknown): string {
  // The server's own limit on the request (huidig.toml) says the same as the photo's.
  if (err instanceof ApiError && err.code === 'body_too_large') return t('error.photo_too_large');
  return errorText(t, err);
}

/**
 * Whether sending the same file again can help: not when the server refused the photo itself
 * (its type, its size, a damaged file) or the client's preference forbids photos.
 */
function retryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status >= 500 || err.status === 401 || err.status === 403 || err.status === 429;
}

function percent(item: UploadItem): number {
  if (item.state === 'done') return 100;
  return item.total > 0 ? Math.min(100, Math.floor((item.loaded * 100) / item.total)) : 0;
}

function UploadRow({ item, onRetry, onRemove }: { item: UploadItem; onRetry: () => void; onRemove: () => void }) {
  const { t } = useI18n();
  const pct = percent(item);
  const status =
    item.state === 'waiting'
      ? t('photos.waiting')
      : item.state === 'uploading'
        ? pct >= 100
          ? t('photos.processing')
          : t('photos.uploading', { pct })
        : item.state === 'done'
          ? t('photos.done')
          : t('photos.failed');
  return (
    <li className={`upload upload--${item.state}`}>
      <div className="upload__head">
        <span className="upload__name">{item.file.name}</span>
        <span className="upload__tags">{t('photos.tags', { phase: t(`photos.phase.${item.tags.phase}`), area: item.tags.area })}</span>
      </div>
      <div className="upload__bar">
        {item.state !== 'failed' ? (
          <progress className="upload__progress" max={100} value={pct} aria-label={t('photos.progressLabel', { name: item.file.name })} />
        ) : null}
        <span className="upload__status">
          {item.state === 'uploading' ? <span className="spinner" aria-hidden="true" /> : null}
          {status}
        </span>
      </div>
      {item.state === 'failed' ? (
        <>
          <p className="field__error upload__error" role="alert">
            <ErrorIcon />
            <span>{uploadError(t, item.err)}</span>
          </p>
          <div className="actions actions--tight">
            {retryable(item.err) ? (
              <button type="button" className="button button--secondary" onClick={onRetry} aria-label={t('photos.retryName', { name: item.file.name })}>
                {t('photos.retry')}
              </button>
            ) : null}
            <button type="button" className="button button--quiet" onClick={onRemove} aria-label={t('photos.removeName', { name: item.file.name })}>
              {t('photos.remove')}
            </button>
          </div>
        </>
      ) : null}
    </li>
  );
}

function CameraIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d="M3 6.5h3l1.4-2h5.2l1.4 2h3v9.5H3z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinejoin="round"
      />
      <circle cx="10" cy="11" r="3" fill="none" stroke="currentColor" strokeWidth="1.7" />
    </svg>
  );
}

function PicturesIcon() {
  return (
    <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect x="2.5" y="4" width="15" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.7" />
      <path d="m4.5 14 4-4.5 3 3 2-2 2.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinejoin="round" />
      <circle cx="13" cy="7.5" r="1.2" fill="currentColor" />
    </svg>
  );
}

export function PhotoUpload({
  clientId,
  trajectory,
  knownAreas,
  recentArea,
  defaultPhase,
  onSaved,
}: {
  clientId: string;
  trajectory?: Trajectory;
  /** Areas already used on this client's photos: offered again. */
  knownAreas: string[];
  /** The area of the latest photo here (the trajectory's, or the client's): chosen at first. */
  recentArea?: string;
  defaultPhase: PhotoPhase;
  onSaved: (photo: Photo) => void;
}) {
  const { t } = useI18n();
  const uid = useId();
  const uploads = usePhotoUploads(clientId, onSaved);
  const typeAreas = trajectory ? (TYPE_AREAS[trajectory.treatment_type.id] ?? []).map((a) => t(`area.${a}`)) : [];
  const allAreas = BODY_AREAS.map((a) => t(`area.${a}`));
  const areas = [...new Set([...typeAreas, ...knownAreas, ...allAreas])];
  // Phase and area come first: the camera or the picker opens only when they are there.
  const form = useForm<Tags, 'area' | 'other'>({
    initial: () => ({ phase: defaultPhase, area: recentArea ?? typeAreas[0] ?? '', other: '', session: '' }),
    fields: ['area', 'other'],
    validate: (v) =>
      !v.area
        ? { area: t('photos.areaMissing') }
        : v.area === OTHER && !v.other.trim()
          ? { other: t('photos.otherAreaMissing') }
          : {},
  });
  const { phase, area, other, session } = form.values;
  const cameraRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const sessions = trajectory ? [...trajectory.sessions].sort((a, b) => a.performed_at.localeCompare(b.performed_at)) : [];

  function chosenArea(): string | null {
    if (!form.check()) return null;
    return area === OTHER ? other.trim() : area;
  }

  function open(input: RefObject<HTMLInputElement | null>) {
    if (chosenArea() === null) return;
    input.current?.click();
  }

  function onFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    e.target.value = ''; // the same photo can be chosen again
    const a = chosenArea();
    if (!files.length || a === null) return;
    const tags: PhotoTags = { phase, area: a };
    if (session) tags.session = session;
    else if (trajectory) tags.trajectory = trajectory.id;
    uploads.add(files, tags);
  }

  const total = uploads.items.length;
  const done = uploads.items.filter((i) => i.state === 'done').length;
  const failed = uploads.items.filter((i) => i.state === 'failed').length;
  const pending = uploads.items.some((i) => i.state === 'waiting' || i.state === 'uploading');

  return (
    <section className="subform photo-upload" aria-labelledby={`${uid}-title`}>
      <h3 className="subform__title" id={`${uid}-title`}>
        {t('photos.uploadTitle')}
      </h3>
      <p className="muted">{t('photos.uploadIntro')}</p>
      <div className="photo-upload__tags">
        <RadioGroup
          id="photo-phase"
          legend={t('photos.phaseLegend')}
          choices={PHASES.map((p) => ({ value: p, label: t(`photos.phase.${p}`) }))}
          {...form.bind('phase')}
        />
        <SelectField
          id="photo-area"
          label={t('photos.area')}
          {...form.bind('area', {
            onValue: (a) => {
              form.set('area', a);
              form.clearError('other');
            },
          })}
        >
          <option value="" disabled>
            {t('photos.chooseArea')}
          </option>
          {areas.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
          <option value={OTHER}>{t('photos.otherArea')}</option>
        </SelectField>
        {area === OTHER ? (
          <TextField
            id="photo-area-other"
            label={t('photos.otherAreaLabel')}
            width="medium"
            autoComplete="off"
            maxLength={100}
            {...form.bind('other', {
              onValue: (o) => {
                form.set('other', o);
                form.clearError('area');
              },
            })}
          />
        ) : null}
        {sessions.length ? (
          <SelectField id="photo-session" label={t('photos.session')} {...form.bind('session')}>
            <option value="">{t('photos.sessionNone')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {formatDateTime(s.performed_at)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <input ref={cameraRef} type="file" accept="image/*" capture="environment" hidden onChange={onFiles} />
      <input ref={pickerRef} type="file" accept="image/*" multiple hidden onChange={onFiles} />
      <div className="actions actions--tight">
        <button type="button" className="button button--primary" onClick={() => open(cameraRef)}>
          <CameraIcon />
          {t('photos.take')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => open(pickerRef)}>
          <PicturesIcon />
          {t('photos.choose')}
        </button>
      </div>
      <p className="field__hint photo-upload__formats">{t('photos.formats')}</p>

      <p className="photo-upload__summary" role="status">
        {total ? (failed ? t('photos.summaryFailed', { done, total, failed }) : t('photos.summary', { done, total })) : null}
      </p>
      {total ? (
        <>
          <ul className="uploads" aria-label={t('photos.queueLabel')}>
            {uploads.items.map((item) => (
              <UploadRow key={item.key} item={item} onRetry={() => uploads.retry(item.key)} onRemove={() => uploads.remove(item.key)} />
            ))}
          </ul>
          {done && !pending ? (
            <button type="button" className="button button--quiet" onClick={uploads.clearDone}>
              {t('photos.clearDone')}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
