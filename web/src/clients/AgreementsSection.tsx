// "Verslaglegging en foto's" on the client card (absent for the front desk, whose view has no
// such fields): the client's choices with their notes (R-DOS-1, R-DOS-2), and where one is not
// asked yet, the question with its one-tap answers for owner and practitioner.
import { useState } from 'react';
import type { Client } from '../api/client';
import { useI18n, type MessageKey } from '../i18n';
import { useMe } from '../login/session';
import { Item, Section } from '../ui/card';
import { Notice } from '../ui/controls';
import { mayReadDossier, mayWriteDossier } from '../ui/roles';
import { AskAnswer } from './AskAnswer';

export function AgreementsSection({ client: c, onChanged }: { client: Client; onChanged: (client: Client) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const write = mayWriteDossier(me.role);
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const answered = (next: Client, key: MessageKey) => {
    setSaved(key);
    onChanged(next);
  };

  return (
    <Section id="sec-agreements" title={t('client.agreements')} wide>
      <dl className="facts">
        {'records_consent' in c ? (
          <Item label={t('client.recordsConsent')}>{t(`records.${c.records_consent ?? 'unknown'}`)}</Item>
        ) : null}
        {'photo_preference' in c ? (
          <Item label={t('client.photoPreference')}>{t(`photo.${c.photo_preference ?? 'unknown'}`)}</Item>
        ) : null}
      </dl>
      <div role="status">
        {saved ? (
          <Notice kind="success">
            <p>{t(saved)}</p>
          </Notice>
        ) : null}
      </div>
      {write && c.records_consent === null ? <AskAnswer kind="records" client={c} onAnswered={answered} /> : null}
      {write && c.photo_preference === null ? <AskAnswer kind="photos" client={c} onAnswered={answered} /> : null}
      {c.records_consent === 'refused' ? (
        <Notice kind="warning" title={t('records.refusedTitle')}>
          <p>{t('records.refusedNote')}</p>
        </Notice>
      ) : null}
      {/* With the dossier, the note stands with the photos (PhotosSection). */}
      {(c.photo_preference === 'refused' || c.photo_preference === 'own') && !mayReadDossier(me.role) ? (
        <Notice kind="warning" title={t('photo.noteTitle')}>
          <p>{t(c.photo_preference === 'own' ? 'photo.ownNote' : 'photo.refusedNote')}</p>
        </Notice>
      ) : null}
    </Section>
  );
}
