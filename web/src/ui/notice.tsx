// Message boxes: a notice (error, warning, information, success) and the error of a whole form.
import type { ReactNode, Ref } from 'react';
import './notice.css';

/** A message box; `alert` announces it at once (errors), `status` politely. */
export function Notice({
  kind,
  title,
  children,
  id,
  live,
}: {
  kind: 'error' | 'warning' | 'info' | 'success';
  title?: string;
  children?: ReactNode;
  id?: string;
  live?: 'alert' | 'status';
}) {
  return (
    <div className={`notice notice--${kind}`} id={id} role={live}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

/** The error of a whole form: a focusable place at the top that announces what went wrong. */
export function FormError({
  focusRef,
  title,
  text,
}: {
  focusRef: Ref<HTMLDivElement>;
  title: string;
  text: string | null | undefined;
}) {
  return (
    <div ref={focusRef} tabIndex={-1}>
      {text ? (
        <Notice kind="error" live="alert" title={title}>
          <p>{text}</p>
        </Notice>
      ) : null}
    </div>
  );
}
