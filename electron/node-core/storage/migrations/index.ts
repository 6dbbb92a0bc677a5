/**
 * Every migration, in order. Append only: a shipped migration never changes, because kiosks in
 * the field have already run it. SQL lives in TS modules so the compiled output needs no copy step.
 */
import { migration001 } from './001-feedback.js';
import { migration002 } from './002-operations.js';
import { migration003 } from './003-minute-times.js';
import { migration004 } from './004-sync.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const LATEST_VERSION = MIGRATIONS.length;
