import { useCallback, useSyncExternalStore } from 'react';

/**
 * Rooms recently opened on this device, newest first, per account (client id), at most
 * MAX_RECENT_ROOMS each. One localStorage item holds every account's list; it holds room ids
 * only, never a key or a session. Unavailable or full storage just means no suggestions.
 */
export const RECENT_ROOMS_KEY = 'recordings-dashboard:recent-rooms:v1';
export const MAX_RECENT_ROOMS = 8;
/** Accounts kept: a shared classroom computer may see several; the least recent go first. */
const MAX_ACCOUNTS = 20;
/** The API refuses longer room ids; a longer one is not worth remembering. */
const MAX_ROOM_ID_LENGTH = 1024;
/** Same-tab writes: the `storage` event only reaches other tabs. */
const CHANGE_EVENT = 'recordings-dashboard:recent-rooms';

type Stored = Record<string, string[]>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readRaw(store: Storage | null): string | null {
  try {
    return store?.getItem(RECENT_ROOMS_KEY) ?? null;
  } catch {
    return null;
  }
}

function parse(raw: string | null): Stored {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const stored: Stored = {};
    for (const [client, rooms] of Object.entries(value)) {
      if (!Array.isArray(rooms)) continue;
      stored[client] = rooms.filter((room): room is string => typeof room === 'string' && room !== '').slice(0, MAX_RECENT_ROOMS);
    }
    return stored;
  } catch {
    return {};
  }
}

export function readRecentRooms(clientId: string, store: Storage | null = storage()): string[] {
  return parse(readRaw(store))[clientId] ?? [];
}

/** Puts a room first in the account's list (moving it if it was there already). */
export function rememberRoom(clientId: string, roomId: string, store: Storage | null = storage()): void {
  if (roomId === '' || roomId.length > MAX_ROOM_ID_LENGTH) return;
  const stored = parse(readRaw(store));
  const previous = stored[clientId] ?? [];
  if (previous[0] === roomId) return;
  const { [clientId]: _mine, ...others } = stored;
  // The account just used goes last in insertion order, so trimming drops the longest unused.
  const accounts = Object.entries(others).slice(-(MAX_ACCOUNTS - 1));
  const next: Stored = Object.fromEntries(accounts);
  next[clientId] = [roomId, ...previous.filter((room) => room !== roomId)].slice(0, MAX_RECENT_ROOMS);
  write(store, next);
}

export function forgetRecentRooms(clientId: string, store: Storage | null = storage()): void {
  const { [clientId]: _mine, ...others } = parse(readRaw(store));
  write(store, others);
}

function write(store: Storage | null, value: Stored): void {
  try {
    if (Object.keys(value).length === 0) store?.removeItem(RECENT_ROOMS_KEY);
    else store?.setItem(RECENT_ROOMS_KEY, JSON.stringify(value));
  } catch {
    // Full or switched off: the suggestions are a convenience.
  }
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === RECENT_ROOMS_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const NONE: readonly string[] = Object.freeze([]);
let cache: { raw: string | null; clientId: string; rooms: readonly string[] } | null = null;

/** The account's recent rooms, kept current across this tab and others. */
export function useRecentRooms(clientId: string): { rooms: readonly string[]; forget: () => void } {
  const rooms = useSyncExternalStore(
    subscribe,
    () => {
      const raw = readRaw(storage());
      // A stable array for an unchanged item: useSyncExternalStore compares snapshots by identity.
      if (cache && cache.raw === raw && cache.clientId === clientId) return cache.rooms;
      const list = parse(raw)[clientId];
      cache = { raw, clientId, rooms: list && list.length > 0 ? list : NONE };
      return cache.rooms;
    },
    () => NONE,
  );
  const forget = useCallback(() => forgetRecentRooms(clientId), [clientId]);
  return { rooms, forget };
}
