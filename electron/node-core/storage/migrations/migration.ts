/** One numbered schema step. `version` is what `PRAGMA user_version` reads once it has run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
