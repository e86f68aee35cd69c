// Where record keeping (R-DOS-1) or photos (R-DOS-2) are not asked yet: the question with a short
// explanation and one button per answer, which records it on the client at once (PATCH) and
// hands the client as it is now to the screen, which then loads again what is missing.
import { useState } from 'react';
import type { Client, ClientPatch } from '../api/client';
import { updateClient } from '../api/endpoints';
import { useI18n, type MessageKey } from '../i18n';
import { FormError } from '../ui/controls';
import { useForm } from '../ui/useForm';
import './ask.css';

export type AskKind = 'records' | 'photos';

interface Answer {
  patch: ClientPatch;
  label: MessageKey;
  /** What the screen says once it is recorded. */
  saved: MessageKey;
}

const ANSWERS: Record<AskKind, Answer[]> = {
  records: [
    { patch: { records_consent: 'given' }, label: 'clientAsk.recordsGiven', saved: 'clientAsk.savedRecordsGiven' },
    { patch: { records_consent: 'refused' }, label: 'clientAsk.recordsRefused', saved: 'clientAsk.savedRecordsRefused' },
  ],
  photos: [
    { patch: { photo_preference: 'allowed' }, label: 'clientAsk.photosAllowed', saved: 'clientAsk.savedPhotosAllowed' },
    { patch: { photo_preference: 'refused' }, label: 'clientAsk.photosRefused', saved: 'clientAsk.savedPhotosRefused' },
    { patch: { photo_preference: 'own' }, label: 'clientAsk.photosOwn', saved: 'clientAsk.savedPhotosOwn' },
  ],
};

export function AskAnswer({
  kind,
  client,
  onAnswered,
  compact = false,
}: {
  kind: AskKind;
  client: Client;
  /** Under an item that already asks the question (MissingPanel): no title, the consequence only. */
  compact?: boolean;
  /** The client after the answer, and what to say about it. */
  onAnswered: (client: Client, saved: MessageKey) => void;
}) {
  const { t } = useI18n();
  const form = useForm<Record<string, never>, never>({ initial: {}, fields: [] });
  const [pending, setPending] = useState<number | null>(null);
  const id = `ask-${kind}`;

  function answer(i: number) {
    const a = ANSWERS[kind][i]!;
    setPending(i);
    void form
      .submit(async () => {
        const next = await updateClient(client.id, a.patch);
        onAnswered(next, a.saved);
      })
      .finally(() => setPending(null));
  }

  return (
    <div
      className={`ask${compact ? ' ask--compact' : ''}`}
      role="group"
      aria-label={compact ? t(kind === 'records' ? 'clientAsk.recordsTitle' : 'clientAsk.photosTitle') : undefined}
      aria-labelledby={compact ? undefined : `${id}-title`}
      aria-describedby={`${id}-text`}
    >
      {compact ? null : (
        <p className="ask__title" id={`${id}-title`}>
          {t(kind === 'records' ? 'clientAsk.recordsTitle' : 'clientAsk.photosTitle')}
        </p>
      )}
      <p className="ask__text" id={`${id}-text`}>
        {t(compact ? `clientAsk.${kind}Short` : kind === 'records' ? 'clientAsk.recordsText' : 'clientAsk.photosText')}
      </p>
      <FormError focusRef={form.formErrorRef} title={t('clientAsk.failed')} text={form.formError} />
      <div className="ask__answers">
        {ANSWERS[kind].map((a, i) => (
          <button
            key={a.label}
            type="button"
            className="button button--secondary"
            disabled={form.busy}
            onClick={() => answer(i)}
          >
            {pending === i ? <span className="spinner" aria-hidden="true" /> : null}
            {t(a.label)}
          </button>
        ))}
      </div>
    </div>
  );
}
