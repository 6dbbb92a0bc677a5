/**
 * The feedback submission schema: the one source of truth for what a patient's feedback may hold.
 * Pure TypeScript, shared by the renderer, the API contract and the storage layer.
 *
 * Anonymity is structural: there is no field for a name, contact details, IP address, user agent
 * or device, and `strictObject` rejects any field not listed here.
 */
import * as v from 'valibot';
import { localeTag } from '../locale.js';
import { SLUG_PATTERN, VERSION_MESSAGE, VERSION_PATTERN } from '../rules.js';
import { ANSWERED_QUESTIONS, MAX_COMMENT_LENGTH, MAX_TOPIC_ANSWERS } from './constants.js';

export { MAX_COMMENT_LENGTH, type AnsweredQuestions } from './constants.js';

// crypto.randomUUID() makes these; lowered so the same id in another case is still a duplicate.
const uuidV4 = v.pipe(
  v.string('must be a string'),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be a version 4 UUID'),
  v.toLowerCase(),
);

/** A 1–5 answer; null means the patient skipped it. */
const scale = v.nullable(
  v.pipe(
    v.number('must be a whole number from 1 to 5, or null'),
    v.integer('must be a whole number from 1 to 5, or null'),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(5, 'must be at most 5'),
  ),
);

const topicId = v.pipe(
  v.string(),
  v.maxLength(64, 'topic ids are at most 64 characters'),
  v.regex(SLUG_PATTERN, 'topic ids are lowercase slugs like "safety-protocol"'),
);

/**
 * Keys valibot's record skips without a word (they could reach an object's prototype). A map
 * holding one is refused, like any other bad key, instead of being stored without it.
 */
const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * Free text from a touchscreen never needs C0 control characters (tab and line breaks aside), DEL
 * or broken surrogate pairs. Sync carries stored (scrubbed) comments, which "[removed]" may have
 * made longer, hence `max`.
 */
export const commentText = (max: number) =>
  v.nullable(
    v.pipe(
      v.string('must be text, or null'),
      v.maxLength(max, `must be at most ${max} characters`),
      v.check((text) => !/[^\P{Cc}\t\n\r\u0080-\u009F]|\p{Cs}/u.test(text), 'must not contain control characters'),
    ),
  );

/** One message per kind of object-level issue, for every strict object of feedback fields. */
export const objectIssueMessage = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? 'is not a known field' : issue.received === 'undefined' ? 'is required' : 'must be an object';

export const FeedbackSubmissionSchema = v.strictObject(
  {
    id: uuidV4,
    /** The language the patient read in; the core also checks that the kiosk offers it. */
    locale: localeTag,
    contentVersion: v.pipe(v.string('must be a string'), v.maxLength(32, 'is too long'), v.regex(VERSION_PATTERN, VERSION_MESSAGE)),
    worryBefore: scale,
    worryAfter: scale,
    topicHelpful: v.pipe(
      // valibot's record would take an array as an object keyed "0", "1", …; refuse it first.
      v.custom<Record<string, boolean>>(isPlainObject, 'must map topic ids to true or false'),
      v.check((map) => !Object.keys(map).some((key) => UNSAFE_KEYS.includes(key)), `topic ids may not be ${UNSAFE_KEYS.map((key) => `"${key}"`).join(', ')}`),
      v.record(topicId, v.boolean('must be true or false')),
      v.maxEntries(MAX_TOPIC_ANSWERS, `holds at most ${MAX_TOPIC_ANSWERS} topics`),
    ),
    overallHelpfulness: scale,
    answeredQuestions: v.nullable(v.picklist(ANSWERED_QUESTIONS, 'must be "yes", "partly", "no" or null')),
    comment: commentText(MAX_COMMENT_LENGTH),
    /** Set when the patient left before submitting and the clinic keeps such feedback (`keepPartialFeedback`). */
    partial: v.optional(v.boolean('must be true or false'), false),
  },
  objectIssueMessage,
);

/** What the renderer sends (`partial` may be left out). */
export type FeedbackSubmissionInput = v.InferInput<typeof FeedbackSubmissionSchema>;
/** What the core works with after validation. */
export type FeedbackSubmission = v.InferOutput<typeof FeedbackSubmissionSchema>;

function isPlainObject(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}
