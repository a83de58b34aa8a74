import { useCallback, useState } from 'react';

/** Which optional table columns are shown; remembered on this device. */

export const OPTIONAL_COLUMNS = [
  { id: 'thumbnail', label: 'Preview' },
  { id: 'client', label: 'Client' },
  { id: 'updated', label: 'Updated' },
  { id: 'duration', label: 'Duration' },
  { id: 'status', label: 'Status' },
  { id: 'mode', label: 'Mode' },
  { id: 'version', label: 'Version' },
  { id: 'uuid', label: 'UUID' },
  { id: 'session', label: 'Session id' },
] as const;

export type ColumnVisibility = Record<string, boolean>;

const STORAGE_KEY = 'recordings-dashboard:columns';
const DEFAULT_VISIBILITY: ColumnVisibility = { updated: false, version: false, uuid: false, session: false };

function load(): ColumnVisibility {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown;
    if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
      const visibility: ColumnVisibility = { ...DEFAULT_VISIBILITY };
      for (const [key, value] of Object.entries(stored)) if (typeof value === 'boolean') visibility[key] = value;
      return visibility;
    }
  } catch {
    // unreadable or unavailable storage: the defaults will do
  }
  return { ...DEFAULT_VISIBILITY };
}

export function useColumnVisibility() {
  const [visibility, setVisibility] = useState<ColumnVisibility>(load);
  const update = useCallback((next: ColumnVisibility) => {
    setVisibility(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private mode or full storage: the choice lasts for this visit
    }
  }, []);
  return [visibility, update] as const;
}
