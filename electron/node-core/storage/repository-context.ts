/** What every repository on the kiosk database is built with, besides the connection. */
import type { StorageLogger } from './database.js';

export interface RepositoryContext {
  /** The clock, for tests. */
  now: () => Date;
  logger: StorageLogger;
}
