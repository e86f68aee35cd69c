// While `when` holds (a form with unsaved changes), leaving the screen asks first: a link, Back
// or Forward in the app opens a dialog that says what is lost; a reload or closing the tab gets
// the browser's own question. What was typed stays when the user stays.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { setLeaveGuard } from './router';

export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const leave = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!when) return;
    setLeaveGuard((go) => {
      leave.current = go;
      setAsking(true);
    });
    const unload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older browsers need it set
    };
    window.addEventListener('beforeunload', unload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', unload);
    };
  }, [when]);

  return (
    <ConfirmDialog
      open={asking}
      title={t('leave.title')}
      text={t('leave.text')}
      confirmLabel={t('leave.confirm')}
      busy={false}
      error={null}
      errorTitle=""
      onConfirm={() => {
        setAsking(false);
        setLeaveGuard(null);
        const go = leave.current;
        leave.current = null;
        go?.();
      }}
      onCancel={() => {
        setAsking(false);
        leave.current = null;
      }}
    />
  );
}
