// Who is signed in. Holds the user from /me or the login answer, the CSRF token, and the
// re-login after idle expiry: an API call that meets 401 `unauthenticated` waits here while a
// login dialog covers the page (which stays mounted, so half-typed forms keep their values),
// then continues.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, type LoginResponse, type Me } from '../api/client';
import { getMe, logout as apiLogout } from '../api/endpoints';
import { navigate } from '../ui/router';

export type Notice = 'logged_out' | 'expired' | null;

type State =
  | { status: 'loading' }
  | { status: 'anonymous'; notice: Notice }
  | { status: 'signed_in'; me: Me; generation: number };

interface SessionValue {
  state: State;
  /** The signed-in user, or null. */
  me: Me | null;
  /** Changes when a different user took over: screens below remount. */
  generation: number;
  /** Non-null while the idle-expiry dialog is open. */
  relogin: { email: string } | null;
  signedIn: (res: LoginResponse) => void;
  updateMe: (me: Me) => void;
  logout: () => Promise<void>;
  reloginDone: (res: LoginResponse) => void;
  reloginAbandon: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** After this long without a key or pointer event the server has ended the session (R-SEC-1). */
const IDLE_PROBE_MS = (30 * 60 + 15) * 1000;

interface Pending {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [relogin, setRelogin] = useState<{ email: string } | null>(null);
  const meRef = useRef<Me | null>(null);
  const pending = useRef<Pending | null>(null);
  const generation = useRef(0);

  const me = state.status === 'signed_in' ? state.me : null;
  meRef.current = me;

  const enter = useCallback((user: Me, csrf: string, newUser: boolean) => {
    api.setCsrfToken(csrf);
    if (newUser) generation.current += 1;
    setState({ status: 'signed_in', me: user, generation: generation.current });
  }, []);

  const leave = useCallback((notice: Notice) => {
    api.setCsrfToken('');
    const p = pending.current;
    pending.current = null;
    setRelogin(null);
    p?.reject(new ApiError(0, null, 'session_ended'));
    setState({ status: 'anonymous', notice });
  }, []);

  // The first answer of /me decides between the app and the login screen.
  useEffect(() => {
    let live = true;
    getMe({ reauth: false })
      .then((user) => live && enter(user, user.csrf_token, true))
      .catch(() => live && setState({ status: 'anonymous', notice: null }));
    return () => {
      live = false;
    };
  }, [enter]);

  // Idle expiry: any call answered 401 while signed in opens the dialog and waits.
  useEffect(() => {
    api.setReauthHandler(() => {
      const user = meRef.current;
      if (!user) return Promise.reject(new ApiError(0, null, 'session_ended'));
      if (!pending.current) {
        let resolve!: () => void;
        let reject!: (err: unknown) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        promise.catch(() => undefined); // callers handle it; no unhandled rejection here
        pending.current = { promise, resolve, reject };
        setRelogin({ email: user.email });
      }
      return pending.current.promise;
    });
    return () => api.setReauthHandler(null);
  }, []);

  // After a long pause without input, ask the server once whether the session still stands.
  useEffect(() => {
    if (state.status !== 'signed_in') return;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        getMe().catch(() => undefined);
      }, IDLE_PROBE_MS);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    arm();
    return () => {
      window.clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [state.status]);

  const signedIn = useCallback(
    (res: LoginResponse) => {
      const previous = meRef.current;
      enter(res.user, res.csrf_token, !previous || previous.id !== res.user.id);
    },
    [enter],
  );

  const updateMe = useCallback(
    (user: Me) => {
      enter(user, user.csrf_token, false);
    },
    [enter],
  );

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // expired or unreachable: the session is over for us either way
    }
    leave('logged_out');
    navigate('/login', { replace: true });
  }, [leave]);

  const reloginDone = useCallback(
    (res: LoginResponse) => {
      const previous = meRef.current;
      const p = pending.current;
      pending.current = null;
      setRelogin(null);
      if (previous && previous.id === res.user.id) {
        enter(res.user, res.csrf_token, false);
        p?.resolve();
      } else {
        // Someone else logged in: nothing of the previous user's screen may stay.
        p?.reject(new ApiError(0, null, 'session_ended'));
        enter(res.user, res.csrf_token, true);
        navigate('/clients', { replace: true });
      }
    },
    [enter],
  );

  const reloginAbandon = useCallback(() => {
    leave('expired');
    navigate('/login', { replace: true });
  }, [leave]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      me,
      generation: state.status === 'signed_in' ? state.generation : 0,
      relogin,
      signedIn,
      updateMe,
      logout,
      reloginDone,
      reloginAbandon,
    }),
    [state, me, relogin, signedIn, updateMe, logout, reloginDone, reloginAbandon],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for screens that are shown signed in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
