/**
 * The one rule that ties a feedback to the content pack the kiosk is showing: its topic answers
 * name topics the pack defines, and its content version and locale are the pack's. The schema
 * (schema.ts) checks the shape; this checks the meaning, before anything is stored, so a stray
 * topic id can never become a column in an export.
 */
import { topicIds, type ContentPack } from '../content/schema.js';
import type { FieldError } from '../validation.js';
import type { FeedbackSubmission } from './schema.js';

export function packMismatch(submission: Pick<FeedbackSubmission, 'topicHelpful' | 'contentVersion' | 'locale'>, pack: ContentPack): FieldError | null {
  if (submission.contentVersion !== pack.version) return { field: 'contentVersion', message: `must be the shown content's version, ${pack.version}` };
  if (submission.locale !== pack.locale) return { field: 'locale', message: `must be the shown content's locale, "${pack.locale}"` };
  const known = new Set(topicIds(pack));
  const unknown = Object.keys(submission.topicHelpful).find((id) => !known.has(id));
  return unknown === undefined ? null : { field: `topicHelpful.${unknown}`, message: 'is not a topic of the shown content' };
}
