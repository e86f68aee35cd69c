// The parts of a card: a titled section and a list of facts (label, value).
import type { ReactNode } from 'react';
import './card.css';

export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function Section({
  id,
  title,
  wide,
  actions,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  /** Buttons or links beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={wide ? 'card card--wide' : 'card'} aria-labelledby={id} id={`${id}-section`}>
      <div className="card__head">
        <h2 className="card__title" id={id} tabIndex={-1}>
          {title}
        </h2>
        {actions ? <div className="card__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
