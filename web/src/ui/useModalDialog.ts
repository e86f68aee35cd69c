// A modal <dialog> that follows its `open` state: shown modal (the page behind inert) with the
// focus where `focusOnOpen` puts it, closed when the state says so.
import { useEffect, useRef } from 'react';

export function useModalDialog(open: boolean, focusOnOpen: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const focus = useRef(focusOnOpen);
  focus.current = focusOnOpen;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      focus.current();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
