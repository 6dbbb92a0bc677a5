/**
 * Feedback times are stored to the minute (common/feedback/time-precision.ts); rows stored before
 * kept the millisecond. Round those down too. secure_delete is on, so the old values do not
 * linger in free pages.
 */
import type { Migration } from './migration.js';

export const migration003: Migration = {
  version: 3,
  name: 'minute-times',
  sql: `
    UPDATE feedback SET created_at = substr(created_at, 1, 16) || ':00.000Z'
    WHERE substr(created_at, 17) <> ':00.000Z';
  `,
};
