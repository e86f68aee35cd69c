// A signature drawn with a finger, a pen or the mouse (pointer events), given to the form as
// a PNG data URL (`data:image/png;base64,...`, canvas.toDataURL). The canvas gets its size
// from its width/height attributes and CSS classes only (the CSP forbids style attributes).
// Drawing cannot be done by keyboard: the consent form offers the typed name beside it.
import { useEffect, useRef, type PointerEvent } from 'react';
import { useI18n } from '../i18n';
import { ErrorIcon } from './controls';
import './signature.css';

const WIDTH = 900;
const HEIGHT = 300;
const INK = '#12203a';

function clear(canvas: HTMLCanvasElement): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
}

export function SignaturePad({
  id,
  label,
  hint,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The drawing as a PNG data URL after each stroke, null when cleared. */
  onChange: (png: string | null) => void;
}) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ pointer: number; x: number; y: number } | null>(null);

  useEffect(() => {
    if (canvasRef.current) clear(canvasRef.current);
  }, []);

  function point(e: PointerEvent<HTMLCanvasElement> | globalThis.PointerEvent): { x: number; y: number } {
    const canvas = canvasRef.current!;
    const r = canvas.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * canvas.width) / r.width, y: ((e.clientY - r.top) * canvas.height) / r.height };
  }

  function lineWidth(e: globalThis.PointerEvent): number {
    // A pen reports pressure; mouse and finger report 0.5 while pressed.
    const pressure = e.pointerType === 'pen' && e.pressure > 0 ? e.pressure : 0.5;
    return 2.5 + pressure * 3;
  }

  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = point(e);
    drawing.current = { pointer: e.pointerId, ...p };
    const ctx = e.currentTarget.getContext('2d');
    if (ctx) {
      // a dot for a tap
      ctx.fillStyle = INK;
      ctx.beginPath();
      ctx.arc(p.x, p.y, lineWidth(e.nativeEvent) / 2, 0, Math.PI * 2);
      ctx.fill();
    }
  }

  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    const d = drawing.current;
    if (!d || d.pointer !== e.pointerId) return;
    e.preventDefault();
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    ctx.strokeStyle = INK;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const p = point(ev);
      ctx.lineWidth = lineWidth(ev);
      ctx.beginPath();
      ctx.moveTo(d.x, d.y);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      d.x = p.x;
      d.y = p.y;
    }
  }

  function onPointerEnd(e: PointerEvent<HTMLCanvasElement>) {
    const d = drawing.current;
    if (!d || d.pointer !== e.pointerId) return;
    drawing.current = null;
    onChange(e.currentTarget.toDataURL('image/png'));
  }

  function onClear() {
    if (canvasRef.current) clear(canvasRef.current);
    drawing.current = null;
    onChange(null);
  }

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field signature${error ? ' field--error' : ''}`} role="group" aria-labelledby={`${id}-label`}>
      <p className="field__label" id={`${id}-label`}>
        {label}
      </p>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
      <div className="signature__pad">
        <canvas
          ref={canvasRef}
          id={id}
          className="signature__canvas"
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={t('signature.canvasLabel')}
          aria-describedby={describedBy}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
        />
        <span className="signature__line" aria-hidden="true" />
      </div>
      <div className="signature__tools">
        <button type="button" className="button button--quiet" onClick={onClear}>
          {t('signature.clear')}
        </button>
      </div>
    </div>
  );
}
