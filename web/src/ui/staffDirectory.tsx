// Colleagues by name (R-STAFF-3): a record names who did what, also a colleague whose
// account was disabled since. Loaded once per signed-in session; an id not yet known (a
// colleague added meanwhile) loads the list again, once.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { listStaff } from '../api/endpoints';
import { useI18n } from '../i18n';
import { useMe } from '../login/session';

interface Directory {
  names: ReadonlyMap<string, string>;
  unknown: (id: string) => void;
}

const StaffContext = createContext<Directory | null>(null);

export function StaffDirectoryProvider({ children }: { children: ReactNode }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const loading = useRef(false);
  const asked = useRef(new Set<string>());

  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    listStaff()
      .then((list) => setNames(new Map(list.items.map((s) => [s.id, s.name || s.display_name]))))
      .catch(() => undefined) // the names stay as they were; ids are shown short
      .finally(() => {
        loading.current = false;
      });
  }, []);

  useEffect(() => {
    load();
  }, [load]);

  const value = useMemo<Directory>(
    () => ({
      names,
      unknown: (id: string) => {
        if (asked.current.has(id)) return;
        asked.current.add(id);
        queueMicrotask(load); // not while rendering
      },
    }),
    [names, load],
  );
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}

/** The name of the colleague with this id, "(u)" for oneself. */
export function useStaffName(): (id: string | null | undefined) => string {
  const { t } = useI18n();
  const me = useMe();
  const directory = useContext(StaffContext);
  return useCallback(
    (id: string | null | undefined) => {
      if (!id) return t('staff.unknown');
      if (id === me.id) return t('staff.you', { name: me.display_name });
      if (id === 'system') return 'Huidig';
      const name = directory?.names.get(id);
      if (name) return name;
      directory?.unknown(id);
      return t('staff.colleague', { id: id.slice(0, 8) });
    },
    [t, me, directory],
  );
}
