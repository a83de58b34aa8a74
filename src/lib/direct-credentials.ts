import { config } from './config';

/**
 * Direct mode only (docs/decisions/0004-auth-key-custody.md): the one place the auth key is kept
 * after sign-in, in this tab's sessionStorage, never localStorage. Closing the tab forgets it;
 * other tabs never see it. Nothing that logs or reports errors imports this module.
 */
export interface DirectCredentials {
  clientId: string;
  authKey: string;
}

const STORAGE_KEY = 'recordings-dashboard.credentials';

function storage(): Storage | null {
  try {
    // Workers have no sessionStorage; sandboxed or privacy modes may throw on access.
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readDirectCredentials(): DirectCredentials | null {
  if (config.apiMode !== 'direct') return null;
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<DirectCredentials>;
    return typeof value.clientId === 'string' && typeof value.authKey === 'string' && value.clientId && value.authKey
      ? { clientId: value.clientId, authKey: value.authKey }
      : null;
  } catch {
    return null;
  }
}

export function storeDirectCredentials(credentials: DirectCredentials): void {
  if (config.apiMode !== 'direct') return;
  const store = storage();
  if (!store) throw new Error('This browser does not allow the dashboard to keep the sign-in for this tab (sessionStorage is unavailable).');
  store.setItem(STORAGE_KEY, JSON.stringify({ clientId: credentials.clientId, authKey: credentials.authKey }));
}

export function clearDirectCredentials(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored, nothing to clear
  }
}
