/**
 * The content pack schema: the one source of truth for what `content/*.yaml` may hold.
 * Pure TypeScript (no Node, no DOM) so the loader, the build-time check and the renderer share it.
 */
import * as v from 'valibot';
import { localeTag } from '../locale.js';
import { SLUG_PATTERN, VERSION_MESSAGE, VERSION_PATTERN } from '../rules.js';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const slug = v.pipe(v.string(), v.regex(SLUG_PATTERN, 'must be a lowercase slug like "safety-protocol"'));
const paragraphs = v.pipe(v.array(text), v.minLength(1, 'needs at least one paragraph'), v.maxLength(6, 'holds at most six paragraphs: one idea per screen'));

/**
 * How a point is marked, after the seed's ✅ / 🔹 / 🚨 / ✔ bullets. Each tone has its own icon
 * and spoken word in the UI, so meaning never rests on colour alone.
 */
export const POINT_TONES = ['reassure', 'note', 'caution', 'check'] as const;
const point = v.strictObject({ tone: v.picklist(POINT_TONES), text });

const section = v.strictObject({
  id: slug,
  title: text,
  paragraphs,
  points: v.optional(v.array(point), []),
  /** Paragraphs shown after the points. */
  after: v.optional(v.array(text), []),
});

const faqItem = v.strictObject({ id: slug, question: text, answer: text });

const comparisonRow = v.strictObject({ id: slug, factor: text, medical: text, recreational: text });

const comparison = v.strictObject({
  id: v.literal('comparison'),
  title: text,
  intro: text,
  columns: v.strictObject({ factor: text, medical: text, recreational: text }),
  rows: v.pipe(v.array(comparisonRow), v.minLength(1)),
  conclusion: text,
});

/** The topic ids a journey may list: `summary`, `comparison`, `faq`, or a section's id. */
export const FIXED_TOPIC_IDS = ['summary', 'comparison', 'faq'] as const;

export const ContentPackSchema = v.pipe(
  v.strictObject({
    id: slug,
    version: v.pipe(v.string(), v.regex(VERSION_PATTERN, VERSION_MESSAGE)),
    locale: localeTag,
    /**
     * Set on a translated pack: the language it was translated from, and whether a clinician has
     * checked that the translation keeps the medical meaning ("needed" until one has).
     */
    translation: v.optional(v.strictObject({ from: localeTag, clinicalReview: v.picklist(['needed', 'done']) })),
    title: text,
    summary: v.strictObject({ id: v.literal('summary'), title: text, paragraphs }),
    sections: v.pipe(v.array(section), v.minLength(1)),
    comparison,
    faq: v.strictObject({ id: v.literal('faq'), title: text, items: v.pipe(v.array(faqItem), v.minLength(1)) }),
    /** The walk-through, in order: one topic per screen. */
    journey: v.pipe(v.array(slug), v.minLength(1)),
    closing: v.strictObject({ title: text, paragraphs }),
    disclaimer: v.strictObject({ title: text, text }),
  }),
  v.check((pack) => uniqueIds(pack) === null, 'topic ids must be unique'),
  v.forward(
    v.check((pack) => unknownJourneyTopic(pack) === null, 'lists a topic that the pack does not define'),
    ['journey'],
  ),
);

export type ContentPack = v.InferOutput<typeof ContentPackSchema>;
export type Section = ContentPack['sections'][number];

/** Every topic the pack defines, the ids a journey and a feedback's `topicHelpful` may use. */
export function topicIds(pack: { sections: { id: string }[] }): string[] {
  return [...FIXED_TOPIC_IDS, ...pack.sections.map((s) => s.id)];
}

function uniqueIds(pack: { sections: { id: string }[] }): string | null {
  const seen = new Set<string>();
  for (const id of topicIds(pack)) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

function unknownJourneyTopic(pack: { sections: { id: string }[]; journey: string[] }): string | null {
  const known = new Set(topicIds(pack));
  return pack.journey.find((id) => !known.has(id)) ?? null;
}
