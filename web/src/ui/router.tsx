// A small history router: the app's routes are /login, /clients, /clients/new, /clients/:id (and
// below it the dossier), /catalogue, /staff, /locations.
// The server answers index.html for every path outside /api.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
let navigations = 0;

function notify(): void {
  for (const l of listeners) l();
}

/**
 * Asked before the app leaves the screen (a form with unsaved changes, ui/LeaveGuard.tsx): it
 * gets the way to leave after all, and holds the navigation meanwhile.
 */
export type LeaveGuard = (leave: () => void) => void;
let leaveGuard: LeaveGuard | null = null;
/** Where the app is, for Back while a guard holds the screen. */
let here = snapshot();

export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

window.addEventListener('popstate', () => {
  const target = snapshot();
  if (leaveGuard && target !== here) {
    // Back or forward: the address already changed; stay until the guard lets go.
    window.history.pushState(null, '', here);
    leaveGuard(() => navigate(target, { force: true }));
    return;
  }
  here = target;
  navigations += 1;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Goes to a path inside the app; `replace` keeps the history entry; `force` goes even when a
 * leave guard holds the screen (after saving, or when the user chose to leave).
 */
export function navigate(to: string, { replace = false, force = false }: { replace?: boolean; force?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (leaveGuard && !force) {
    leaveGuard(() => navigate(to, { replace, force: true }));
    return;
  }
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  here = to;
  navigations += 1;
  notify();
}

/** Changes the query string without a new history entry (search as you type). */
export function replaceSearch(search: string): void {
  const url = window.location.pathname + (search ? `?${search}` : '');
  if (url !== snapshot()) {
    window.history.replaceState(null, '', url);
    here = url;
    notify();
  }
}

/** True once the user has moved inside the app (then a new screen takes the focus). */
export function hasNavigated(): boolean {
  return navigations > 0;
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const url = useSyncExternalStore(subscribe, snapshot);
  const q = url.indexOf('?');
  return {
    pathname: q < 0 ? url : url.slice(0, q),
    search: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
  };
}

/** Matches '/clients/:id' against a path; returns the parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = pathname.replace(/\/+$/, '').split('/');
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const v = b[i]!;
    if (p.startsWith(':')) {
      if (!v) return null;
      params[p.slice(1)] = decodeURIComponent(v);
    } else if (p !== v) {
      return null;
    }
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that stays in the app on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  function handle(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  }
  return <a href={to} onClick={handle} {...rest} />;
}
