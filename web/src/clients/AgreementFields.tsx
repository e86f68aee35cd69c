// The client's choices in the edit form: record keeping (R-DOS-1) and photos (R-DOS-2), each
// with what a change means. Withdrawn record keeping keeps every record made so far (the legal
// duty to keep them) and stops new Wkkgz, PMU and cosmetic treatments; photos refused later stop
// new photos and keep those already taken. Only owner and practitioner get these fields.
import type { Client } from '../api/client';
import { useI18n } from '../i18n';
import { Notice, RadioGroup, type Choice } from '../ui/controls';
import type { Form } from '../ui/useForm';
import { photoChoice, recordsChoice, type EditField, type EditValues, type PhotoChoice, type RecordsChoice } from './clientValues';

export function AgreementFields({ client, form }: { client: Client; form: Form<EditValues, EditField> }) {
  const { t } = useI18n();
  const { values } = form;
  const wasRecords = recordsChoice(client.records_consent);
  const wasPhotos = photoChoice(client.photo_preference);

  const recordsChoices: Choice<RecordsChoice>[] = [
    { value: 'given', label: t('records.given') },
    { value: 'refused', label: t('records.refused') },
    { value: 'unknown', label: t('records.unknown') },
  ];
  const photoChoices: Choice<PhotoChoice>[] = [
    { value: 'allowed', label: t('photo.allowed') },
    { value: 'refused', label: t('photo.refused') },
    { value: 'own', label: t('photo.own') },
    { value: 'unknown', label: t('photo.unknown') },
  ];
  const photosStop = (values.photo_preference === 'refused' || values.photo_preference === 'own') && values.photo_preference !== wasPhotos;

  return (
    <section className="form__group" aria-labelledby="group-agreements">
      <h2 className="form__legend" id="group-agreements">
        {t('clientNew.agreementsGroup')}
      </h2>
      <RadioGroup
        id="records_consent"
        legend={t('client.recordsConsent')}
        hint={t('clientEdit.recordsHint')}
        choices={recordsChoices}
        {...form.bind('records_consent')}
      />
      <div role="status">
        {values.records_consent === 'refused' && wasRecords !== 'refused' ? (
          <Notice kind="warning" title={t(wasRecords === 'given' ? 'clientEdit.recordsWithdrawTitle' : 'clientEdit.recordsRefuseTitle')}>
            <p>{t('clientEdit.recordsKept')}</p>
            <p>{t('clientEdit.recordsStops')}</p>
          </Notice>
        ) : null}
      </div>
      <RadioGroup
        id="photo_preference"
        legend={t('client.photoPreference')}
        hint={t('clientEdit.photosHint')}
        choices={photoChoices}
        {...form.bind('photo_preference')}
      />
      <div role="status">
        {photosStop ? (
          <Notice kind="warning" title={t('clientEdit.photosStopTitle')}>
            <p>{t(values.photo_preference === 'own' ? 'clientEdit.photosStopOwn' : 'clientEdit.photosStop')}</p>
            <p>{t('clientEdit.photosKept')}</p>
          </Notice>
        ) : null}
      </div>
    </section>
  );
}
