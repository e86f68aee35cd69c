// The photos on the client card (all of them) and on a trajectory screen (the trajectory's,
// with before and after compared). Owner and practitioner add photos while the client allows
// them; when the client refused photos or keeps their own, there is nothing to upload with and
// the note says the responsibility lies with the client (R-DOS-2); not asked yet, they record
// the client's answer with one tap where the screen lets them (onClientChanged). The auditor
// only looks.
import { useCallback, useState } from 'react';
import type { Client, Photo, PhotoPhase, Trajectory } from '../api/client';
import { listPhotos } from '../api/endpoints';
import { AskAnswer } from '../clients/AskAnswer';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { LoadStatus } from '../ui/LoadStatus';
import { mayWriteDossier } from '../ui/roles';
import { useLoad } from '../ui/useLoad';
import { PhotoCompare } from './PhotoCompare';
import { PhotoGrid } from './PhotoGrid';
import { photoFlags } from './photoLabels';
import { PhotoUpload } from './PhotoUpload';
import './photos.css';

/** The phase a new photo most likely has, from what the trajectory still lacks. */
function likelyPhase(trajectory: Trajectory | undefined): PhotoPhase {
  if (!trajectory) return 'before';
  const flags = photoFlags(trajectory);
  if (flags.includes('before_photos_missing')) return 'before';
  if (flags.includes('after_photos_missing')) return 'after';
  return trajectory.sessions.length ? 'during' : 'before';
}

export function PreferenceNote({ client, onClientChanged }: { client: Client; onClientChanged?: (client: Client) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const pref = client.photo_preference;
  const note = (
    <div role="status">
      {saved ? (
        <Notice kind="success">
          <p>{t(saved)}</p>
        </Notice>
      ) : null}
    </div>
  );
  if ((pref === null || pref === undefined) && onClientChanged && mayWriteDossier(me.role) && 'photo_preference' in client) {
    return (
      <AskAnswer
        kind="photos"
        client={client}
        onAnswered={(next, key) => {
          setSaved(key);
          onClientChanged(next);
        }}
      />
    );
  }
  if (pref === 'refused' || pref === 'own') {
    return (
      <>
        {note}
        <Notice kind="warning" title={t('photo.noteTitle')}>
          <p>{t(pref === 'own' ? 'photo.ownNote' : 'photo.refusedNote')}</p>
        </Notice>
      </>
    );
  }
  if (pref === null || pref === undefined) {
    return (
      <Notice kind="info">
        <p>{t('photos.notAsked')}</p>
      </Notice>
    );
  }
  return note;
}

export function PhotosSection({
  client,
  trajectory,
  onUploaded,
  onClientChanged,
}: {
  client: Client;
  trajectory?: Trajectory;
  /** After each stored photo (the trajectory's R-TRJ-3 flags may have changed). */
  onUploaded?: () => void;
  /** With it, photos not asked yet are answered here (R-DOS-2). */
  onClientChanged?: (client: Client) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const { load, reload } = useLoad((signal) => listPhotos(client.id, signal), [client.id]);
  const [added, setAdded] = useState<Photo[]>([]);
  const write = mayWriteDossier(me.role) && client.photo_preference === 'allowed';

  const onSaved = useCallback(
    (photo: Photo) => {
      setAdded((list) => [...list, photo]);
      onUploaded?.();
    },
    [onUploaded],
  );

  const loaded = load.state === 'done' ? load.data.items : [];
  const all = [...loaded, ...added.filter((p) => !loaded.some((q) => q.id === p.id))];
  const photos = trajectory ? all.filter((p) => p.trajectory === trajectory.id) : all;
  const knownAreas = [...new Set(all.map((p) => p.area))];

  return (
    <Section id="sec-photos" title={t('photos.title')} wide>
      <PreferenceNote client={client} onClientChanged={onClientChanged} />
      {write && load.state === 'done' ? (
        <PhotoUpload
          clientId={client.id}
          trajectory={trajectory}
          knownAreas={knownAreas}
          recentArea={photos[photos.length - 1]?.area}
          defaultPhase={likelyPhase(trajectory)}
          onSaved={onSaved}
        />
      ) : null}
      {load.state !== 'done' ? (
        <LoadStatus err={load.state === 'error' ? load.err : null} retry={reload} />
      ) : (
        <>
          {trajectory && photos.some((p) => p.phase === 'before') && photos.some((p) => p.phase === 'after') ? (
            <div className="photo-compare-block">
              <h3 className="photo-phase__title">{t('photos.compareTitle')}</h3>
              <PhotoCompare photos={photos} />
            </div>
          ) : null}
          <PhotoGrid photos={photos} emptyText={t(trajectory ? 'photos.noneTrajectory' : 'photos.none')} />
        </>
      )}
    </Section>
  );
}
