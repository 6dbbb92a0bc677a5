/**
 * Incidents: problems the kiosk recovered from (a broken content pack, a bad config, a corrupt
 * database) that staff should know about. Kept here until the staff status screen shows them.
 */
export type IncidentKind = 'content' | 'config' | 'database';

export interface Incident {
  kind: IncidentKind;
  /** UTC ISO-8601. */
  at: string;
  /** One calm sentence for staff. */
  message: string;
  /** The technical detail (file, field, error), for support. */
  detail: string;
}

export class IncidentLog {
  readonly #items: Incident[] = [];

  record(kind: IncidentKind, message: string, detail: string, at = new Date()): Incident {
    const incident = { kind, at: at.toISOString(), message, detail };
    this.#items.push(incident);
    return incident;
  }

  list(): readonly Incident[] {
    return this.#items;
  }
}
