/**
 * Incidents: problems the kiosk recovered from (a broken content pack, a bad config, a damaged
 * database or credentials file, rows the collector refused) that staff should know about. One
 * type for every layer: the core records and stores it, the contract and the staff panel show it.
 */

/** What went wrong, by the part of the kiosk it came from. */
export const INCIDENT_KINDS = ['content', 'config', 'database', 'credentials', 'sync'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** An incident as the database keeps it. */
export interface Incident {
  /** The database's row id: increases with every incident. */
  id: number;
  /** UTC ISO-8601. */
  at: string;
  kind: IncidentKind;
  /** One calm sentence for staff. */
  message: string;
  /** The technical detail (file, field, error), for support; never shown on the panel. */
  detail: string | null;
}

/** What a part of the kiosk reports; the database adds the id, and the time unless the report has one. */
export type IncidentReport = Pick<Incident, 'kind' | 'message'> & Partial<Pick<Incident, 'detail' | 'at'>>;

/** What the staff status screen shows: no detail, which is for support and the log. */
export type StaffIncident = Pick<Incident, 'at' | 'kind' | 'message'>;
