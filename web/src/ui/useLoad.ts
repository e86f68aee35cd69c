// Loads something for a screen: aborted when the screen goes or the inputs change; an expired
// session that the user gave up is no error to show.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { isAbort, isSessionEnded } from '../api/client';

export type Load<T> = { state: 'loading' } | { state: 'done'; data: T } | { state: 'error'; err: unknown };

export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): { load: Load<T>; reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ state: 'loading' });
    load(controller.signal)
      .then((data) => setState({ state: 'done', data }))
      .catch((err: unknown) => {
        if (!isAbort(err) && !isSessionEnded(err)) setState({ state: 'error', err });
      });
    return () => controller.abort();
    // the caller's inputs, and a reload
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ state: 'done', data }), []);
  return { load: state, reload, set };
}
