/**
 * Where the collector's bearer token is kept: the kiosk's credentials file, beside the PIN hashes
 * (storage/credential-repository.ts), so export never reads it and a feedback-database quarantine keeps
 * it. Behind this small interface so sync knows nothing of that file. Never logged, never returned.
 */
import * as v from 'valibot';
import { CREDENTIAL_KEYS, type CredentialRepository } from '../storage/credential-repository.js';

/** The token as `set` stores it. */
const TokenSchema = v.pipe(v.string(), v.minLength(1));

export interface SyncTokenStore {
  get(): string | null;
  set(token: string): void;
}

export function credentialsTokenStore(credentials: CredentialRepository): SyncTokenStore {
  return {
    get() {
      return credentials.get(CREDENTIAL_KEYS.syncToken, TokenSchema) ?? null;
    },
    set(token) {
      credentials.put({ [CREDENTIAL_KEYS.syncToken]: token });
    },
  };
}
