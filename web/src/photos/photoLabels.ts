// What the photo screens say about a photo: its phase, a caption, the text for its image, and
// the R-TRJ-3 flags of a trajectory.
import type { Photo, PhotoPhase, Trajectory } from '../api/client';
import type { Translate } from '../i18n';
import { formatDateTime } from '../ui/format';

export const PHASES: PhotoPhase[] = ['before', 'during', 'after'];

export function photoParams(t: Translate, p: Photo) {
  return { phase: t(`photos.phase.${p.phase}`).toLowerCase(), area: p.area, time: formatDateTime(p.uploaded_at) };
}

export function photoAlt(t: Translate, p: Photo): string {
  return t('photos.alt', photoParams(t, p));
}

export function photoCaption(t: Translate, p: Photo): string {
  return t('photos.caption', photoParams(t, p));
}

export const PHOTO_FLAGS = ['before_photos_missing', 'after_photos_missing'] as const;
export type PhotoFlag = (typeof PHOTO_FLAGS)[number];

/** R-TRJ-3: the trajectory's photo flags that the app knows how to name. */
export function photoFlags(trajectory: Trajectory): PhotoFlag[] {
  const flags: unknown = (trajectory as { photo_flags?: unknown }).photo_flags;
  if (!Array.isArray(flags)) return [];
  return PHOTO_FLAGS.filter((f) => flags.includes(f));
}
