// /clients: search as you type (name, date of birth or phone number; the server decides which),
// filtered by the location chosen in the header. The query stays in the address (?q=) so the
// back button returns to the same results.
import { useEffect, useRef, useState } from 'react';
import { ApiError, isAbort, isSessionEnded, type Client } from '../api/client';
import { listClients, PAGE_SIZE } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';
import { Notice } from '../ui/controls';
import { errorText } from '../ui/errors';
import { formatDate, fullName } from '../ui/format';
import { useLocations } from '../ui/location';
import { mayCreateClients } from '../ui/roles';
import { Link, replaceSearch, useLocation } from '../ui/router';
import { ScreenTitle } from '../ui/screen';
import '../ui/results.css';
import './clients.css';

const DEBOUNCE_MS = 200;

type Result =
  | { state: 'loading' }
  | { state: 'done'; items: Client[]; more: boolean; query: string }
  | { state: 'error'; message: string; forbidden: boolean };

export function ClientListScreen() {
  const { t } = useI18n();
  const me = useMe();
  const { current: location, locations, nameOf } = useLocations();
  const { search } = useLocation();
  const [query, setQuery] = useState(() => search.get('q') ?? '');
  const [result, setResult] = useState<Result>({ state: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [retry, setRetry] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const q = query.trim();
    replaceSearch(q ? new URLSearchParams({ q }).toString() : '');
    const controller = new AbortController();
    const timer = window.setTimeout(
      () => {
        listClients({ q, location }, controller.signal)
          .then((list) => setResult({ state: 'done', items: list.items, more: list.items.length === PAGE_SIZE, query: q }))
          .catch((err: unknown) => {
            if (isAbort(err) || isSessionEnded(err)) return;
            setResult({
              state: 'error',
              message: errorText(t, err),
              forbidden: err instanceof ApiError && err.code === 'forbidden',
            });
          });
      },
      q ? DEBOUNCE_MS : 0,
    );
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // t changes with the language: the list itself does not
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, location, retry]);

  async function loadMore() {
    if (result.state !== 'done') return;
    setLoadingMore(true);
    try {
      const list = await listClients({ q: result.query, location, offset: result.items.length });
      setResult({
        state: 'done',
        items: [...result.items, ...list.items],
        more: list.items.length === PAGE_SIZE,
        query: result.query,
      });
    } catch (err) {
      if (!isSessionEnded(err)) setResult({ state: 'error', message: errorText(t, err), forbidden: false });
    } finally {
      setLoadingMore(false);
    }
  }

  const showLocation = locations.length > 1 && !location;
  let status = '';
  if (result.state === 'loading') status = t('clients.searching');
  if (result.state === 'done') {
    const n = result.items.length;
    if (n === 0) status = result.query ? t('clients.noneFor', { q: result.query }) : t('clients.none');
    else if (result.more) status = t('clients.countMore', { n });
    else if (n === 1) status = t('clients.countOne');
    else status = t('clients.count', { n });
  }

  return (
    <main className="screen" id="main">
      <div className="screen__head">
        <ScreenTitle title={t('clients.title')} focus={false} />
        {mayCreateClients(me.role) ? (
          <Link to="/clients/new" className="button button--primary">
            <svg className="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M10 4v12M4 10h12" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            <span>{t('clients.new')}</span>
          </Link>
        ) : null}
      </div>
      {location ? <p className="screen__sub">{t('clients.atLocation', { location: nameOf(location) ?? '' })}</p> : null}

      {result.state === 'error' && result.forbidden ? (
        <Notice kind="info" title={t('clients.forbiddenTitle')}>
          <p>{t('clients.forbiddenText')}</p>
        </Notice>
      ) : (
        <>
          <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
            <label htmlFor="client-search" className="field__label">
              {t('clients.search')}
            </label>
            <p className="field__hint" id="client-search-hint">
              {t('clients.searchHint')}
            </p>
            <div className="search__box">
              <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
                <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              <input
                id="client-search"
                ref={inputRef}
                className="input input--search"
                type="search"
                autoComplete="off"
                spellCheck={false}
                enterKeyHint="search"
                aria-describedby="client-search-hint"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          </form>

          <p className="results__status" role="status" aria-live="polite">
            {status}
          </p>

          {result.state === 'error' ? (
            <Notice kind="error" live="alert">
              <p>{result.message}</p>
              <button type="button" className="button button--secondary" onClick={() => setRetry((n) => n + 1)}>
                {t('action.retry')}
              </button>
            </Notice>
          ) : null}

          {result.state === 'done' && result.items.length > 0 ? (
            <ul className="results" id="client-results" aria-label={t('clients.resultsLabel')}>
              {result.items.map((c) => (
                <li key={c.id}>
                  <Link to={`/clients/${c.id}`} className="result">
                    <span className="result__name">{fullName(c)}</span>
                    <span className="result__meta">
                      <span>
                        <span className="visually-hidden">{t('client.dateOfBirth')}: </span>
                        {formatDate(c.date_of_birth)}
                      </span>
                      {c.phone ? (
                        <span>
                          <span className="visually-hidden">{t('client.phone')}: </span>
                          {c.phone}
                        </span>
                      ) : null}
                      {showLocation ? (
                        <span className="result__location">
                          <span className="visually-hidden">{t('client.location')}: </span>
                          {nameOf(c.location) ?? ''}
                        </span>
                      ) : null}
                    </span>
                    <svg className="result__chevron" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                      <path d="M7 4l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                    </svg>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}

          {result.state === 'done' && result.more ? (
            <div className="actions actions--center">
              <button type="button" className="button button--secondary" onClick={loadMore} disabled={loadingMore}>
                {t('clients.more')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </main>
  );
}
