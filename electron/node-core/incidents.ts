/**
 * The incidents of this run (see common/incidents.ts): each is logged, kept in memory, and handed
 * to a persistent sink (the database's incidents) when one is attached. Incidents before the
 * database opened, or while it cannot, are kept here and handed over once it does.
 */
import type { Incident, IncidentKind } from '../common/incidents.js';

/** An incident before the database numbers it. */
export type RecordedIncident = Omit<Incident, 'id'>;

export type IncidentSink = (incident: RecordedIncident) => void;

export class IncidentLog {
  readonly #items: RecordedIncident[] = [];
  #sink: IncidentSink | null = null;

  record(kind: IncidentKind, message: string, detail: string, at = new Date()): RecordedIncident {
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

  list(): readonly RecordedIncident[] {
    return this.#items;
  }
}
