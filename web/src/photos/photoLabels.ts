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

export type PhotoFlag = Trajectory['photo_flags'][number];

/** R-TRJ-3: what the trajectory lacks in photos (before the first, after the last session). */
export function photoFlags(trajectory: Trajectory): PhotoFlag[] {
  return trajectory.photo_flags ?? [];
}
