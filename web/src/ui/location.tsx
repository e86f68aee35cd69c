// The location (vestiging) the user works at now, for staff of more than one: it filters the
// client list and preselects the location of a new client. '' means all of theirs.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Location } from '../api/client';

const STORAGE_KEY = 'huidig.location';

interface LocationValue {
  locations: Location[];
  /** '' = all locations */
  current: string;
  setCurrent: (id: string) => void;
  nameOf: (id: string) => string | undefined;
}

const LocationContext = createContext<LocationValue | null>(null);

function stored(locations: Location[]): string {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY) ?? '';
    return locations.some((l) => l.id === v) ? v : '';
  } catch {
    return '';
  }
}

export function LocationProvider({ locations, children }: { locations: Location[]; children: ReactNode }) {
  const [current, setCurrentState] = useState(() => (locations.length > 1 ? stored(locations) : ''));
  const value = useMemo<LocationValue>(
    () => ({
      locations,
      current: locations.some((l) => l.id === current) ? current : '',
      setCurrent: (id: string) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, id);
        } catch {
          // not remembered
        }
        setCurrentState(id);
      },
      nameOf: (id: string) => locations.find((l) => l.id === id)?.name,
    }),
    [locations, current],
  );
  return <LocationContext.Provider value={value}>{children}</LocationContext.Provider>;
}

export function useLocations(): LocationValue {
  const v = useContext(LocationContext);
  if (!v) throw new Error('useLocations outside LocationProvider');
  return v;
}
