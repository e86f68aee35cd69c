// One element, several refs: a component's own and the form's.
import type { Ref, RefCallback } from 'react';

export function merged<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (el: T | null) => {
    const cleanups = refs.map((ref) => {
      if (typeof ref === 'function') return ref(el);
      if (ref) ref.current = el;
      return undefined;
    });
    return () => {
      refs.forEach((ref, i) => {
        const cleanup = cleanups[i];
        if (typeof cleanup === 'function') cleanup();
        else if (typeof ref === 'function') ref(null);
        else if (ref) ref.current = null;
      });
    };
  };
}
