// A draft that will not be finished is thrown away, after asking (audited by the server);
// photos taken with it stay in the dossier.
import { useState } from 'react';
import { discardSession } from '../api/endpoints';
import { useI18n } from '../i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { setFlash } from '../ui/flash';
import { navigate } from '../ui/router';
import { useForm } from '../ui/useForm';

export function DiscardDraft({ sessionId, trajectoryPath }: { sessionId: string; trajectoryPath: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const form = useForm<object, never>({ initial: {}, fields: [] });

  function discard() {
    void form.submit(async () => {
      await discardSession(sessionId);
      setFlash('session.discarded', trajectoryPath);
      navigate(trajectoryPath, { replace: true, force: true });
    });
  }

  return (
    <div className="actions">
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('session.discard')}
      </button>
      <ConfirmDialog
        open={open}
        title={t('session.discardTitle')}
        text={t('session.discardText')}
        confirmLabel={t('session.discard')}
        busy={form.busy}
        error={form.formError}
        errorTitle={t('session.discardFailed')}
        onConfirm={discard}
        onCancel={() => {
          setOpen(false);
          form.clearFormError();
        }}
      />
    </div>
  );
}
