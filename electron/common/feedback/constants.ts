/**
 * Feedback limits and choices, apart from the schema so the patient bundle can use them without
 * pulling in the validation library. The schema (schema.ts) builds on these.
 */

/** Counted in UTF-16 code units, as the `maxlength` of a textarea counts. */
export const MAX_COMMENT_LENGTH = 500;
/** Far above any content pack's topic count; it only bounds what one request can make us store. */
export const MAX_TOPIC_ANSWERS = 32;
export const ANSWERED_QUESTIONS = ['yes', 'partly', 'no'] as const;
export type AnsweredQuestions = (typeof ANSWERED_QUESTIONS)[number];
