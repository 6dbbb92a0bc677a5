/**
 * Where the collector's bearer token is kept: the kiosk's credentials file, beside the PIN hashes
 * (staff/credential-store.ts), so export never reads it and a feedback-database quarantine keeps
 * it. Behind this small interface so sync knows nothing of that file. Never logged, never returned.
 */
import { CREDENTIAL_KEYS, type CredentialStore } from '../staff/credential-store.js';

export interface SyncTokenStore {
  get(): string | null;
  set(token: string): void;
}

export function credentialsTokenStore(credentials: CredentialStore): SyncTokenStore {
  return {
    get() {
      const token = credentials.get(CREDENTIAL_KEYS.syncToken);
      return typeof token === 'string' && token ? token : null;
    },
    set(token) {
      credentials.put({ [CREDENTIAL_KEYS.syncToken]: token });
    },
  };
}
