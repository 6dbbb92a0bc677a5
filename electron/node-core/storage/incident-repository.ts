/** The incidents table: what staff see under "Problems recorded", newest first. */
import type Database from 'better-sqlite3';
import type { Incident, IncidentReport } from '../../common/incidents.js';
import type { RepositoryContext } from './repository-context.js';
import { guardStorage } from './errors.js';

const COLUMNS = 'id, at, kind, message, detail';

export class IncidentRepository {
  readonly #now: () => Date;
  readonly #insert: Database.Statement<[string, string, string, string | null], Incident>;
  readonly #select: Database.Statement<[number], Incident>;

  constructor(db: Database.Database, { now }: RepositoryContext) {
    this.#now = now;
    this.#insert = db.prepare(`INSERT INTO incidents (at, kind, message, detail) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`);
    this.#select = db.prepare(`SELECT ${COLUMNS} FROM incidents ORDER BY id DESC LIMIT ?`);
  }

  /**
   * Stores the incident at the time it happened when the report says (one kept in memory while the
   * database could not open is stored later), else at the time it is stored.
   */
  record({ kind, message, detail = null, at = this.#now().toISOString() }: IncidentReport): Incident {
    return guardStorage(() => this.#insert.get(at, kind, message, detail)!);
  }

  /** Newest first. */
  list(limit = 50): Incident[] {
    return guardStorage(() => this.#select.all(limit));
  }
}
