/**
 * Incidents: problems the kiosk recovered from (a broken content pack, a bad config, a corrupt
 * database, a failed save) that staff should know about. Each is logged, kept in memory for this
 * run, and handed to a persistent sink (the database) when one is attached.
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

export type IncidentSink = (incident: Incident) => void;

export class IncidentLog {
  readonly #items: Incident[] = [];
  #sink: IncidentSink | null = null;

  record(kind: IncidentKind, message: string, detail: string, at = new Date()): Incident {
    const incident = { kind, at: at.toISOString(), message, detail };
    this.#items.push(incident);
    this.#sink?.(incident);
    return incident;
  }

  /** Hands every incident so far, and every later one, to `sink`. */
  attach(sink: IncidentSink): void {
    this.#sink = sink;
    for (const incident of this.#items) sink(incident);
  }

  list(): readonly Incident[] {
    return this.#items;
  }
}
