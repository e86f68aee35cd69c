// The products of a session with their batch numbers (R-TRJ-4): a row each (kind, name, batch),
// the previous session's products one tap away, and rows added or removed.
import type { Ref } from 'react';
import type { ProductKind, Session, SessionProduct } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorIcon, SelectField, TextField } from '../ui/controls';
import { dateInAmsterdam, formatDate } from '../ui/format';
import './session.css';

const KINDS: ProductKind[] = ['product', 'pigment', 'needle'];

export function ProductsSection({
  labelId,
  products,
  pmu,
  previous,
  copied,
  error,
  onChange,
  onAdd,
  onRemove,
  onCopyPrevious,
  rowsRef,
}: {
  labelId: string;
  products: SessionProduct[];
  /** Permanent make-up: pigment and needle rows, their batch numbers required. */
  pmu: boolean;
  previous?: Session;
  /** The previous session's products were just taken over. */
  copied: boolean;
  error?: string;
  onChange: (i: number, patch: Partial<SessionProduct>) => void;
  onAdd: (kind: ProductKind) => void;
  onRemove: (i: number) => void;
  onCopyPrevious: () => void;
  /** The rows' box (its first control takes the focus for an error). */
  rowsRef: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  return (
    <section className="form__group" aria-labelledby={labelId}>
      <div className="form__legend-row">
        <h2 className="form__legend" id={labelId}>
          {t('session.productsGroup')}
        </h2>
        {previous && previous.products.length ? (
          <button type="button" className="button button--secondary" onClick={onCopyPrevious}>
            {t('session.samePrevious', { date: formatDate(dateInAmsterdam(previous.performed_at)) })}
          </button>
        ) : null}
      </div>
      <p className="field__hint">{t(pmu ? 'session.productsHintPmu' : 'session.productsHint')}</p>
      <div role="status">{copied ? <p className="copied">{t('session.copied')}</p> : null}</div>
      {error ? (
        <p className="field__error" id="products-error">
          <ErrorIcon />
          <span>{error}</span>
        </p>
      ) : null}
      <div
        className={`products${error ? ' field--error' : ''}`}
        role="group"
        aria-labelledby={labelId}
        aria-describedby={error ? 'products-error' : undefined}
        ref={rowsRef}
      >
        {products.map((p, i) => (
          <fieldset className="product" key={i}>
            <legend className="visually-hidden">{t('session.productN', { n: i + 1 })}</legend>
            <SelectField
              id={`product-${i}-kind`}
              label={t('session.productKind')}
              value={p.kind}
              onChange={(e) => onChange(i, { kind: e.target.value as ProductKind })}
              className="input select"
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`product.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`product-${i}-name`}
              label={t('session.productName')}
              autoComplete="off"
              value={p.name}
              onChange={(e) => onChange(i, { name: e.target.value })}
              data-product-name=""
              aria-invalid={error && !p.name.trim() && p.batch.trim() ? true : undefined}
            />
            <TextField
              id={`product-${i}-batch`}
              label={t('session.productBatch')}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              value={p.batch}
              onChange={(e) => onChange(i, { batch: e.target.value })}
              required={p.kind !== 'product' && pmu}
              aria-invalid={error && pmu && p.kind !== 'product' && !p.batch.trim() ? true : undefined}
            />
            <button
              type="button"
              className="button button--quiet product__remove"
              onClick={() => onRemove(i)}
              aria-label={t('session.removeProduct', { n: i + 1 })}
            >
              {t('session.remove')}
            </button>
          </fieldset>
        ))}
      </div>
      <div className="actions actions--tight">
        <button type="button" className="button button--secondary" onClick={() => onAdd('product')}>
          {t('session.addProduct')}
        </button>
        {pmu ? (
          <>
            <button type="button" className="button button--secondary" onClick={() => onAdd('pigment')}>
              {t('session.addPigment')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => onAdd('needle')}>
              {t('session.addNeedle')}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}
