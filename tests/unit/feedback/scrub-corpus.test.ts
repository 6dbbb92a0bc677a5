/**
 * The comment scrub measured on a corpus of realistic comments (scrub-corpus.json): contact details,
 * identifying numbers, dates and names that must go, and ordinary clinic comments that must come
 * through unchanged. Prints recall per family and every miss and false positive.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scrubComment } from '../../../electron/common/feedback/scrub.js';

interface Corpus {
  pii: { family: string; text: string; secrets: string[] }[];
  clean: string[];
}

const corpus = JSON.parse(readFileSync(new URL('./scrub-corpus.json', import.meta.url), 'utf8')) as Corpus;
/** Pieces too common to prove a leak ("com" in "[removed], come again"). */
const COMMON = new Set(['com', 'org', 'net', 'dot', 'the', 'and']);
const pieces = (secret: string) => secret.split(/[^\p{L}\p{N}]+/u).filter((piece) => piece.length >= 3 && !COMMON.has(piece.toLowerCase()));
const leaks = (scrubbed: string, secrets: string[]) =>
  secrets.filter((secret) => scrubbed.includes(secret) || pieces(secret).some((piece) => scrubbed.includes(piece)));

/**
 * Measured 99.4% and 0.0% (see the printed report: a bare name opening a comment, "Jane Doe, room
 * 4 today", is missed). A rule change must not lower them.
 */
const MIN_RECALL = 0.99;
const MAX_FALSE_POSITIVE_RATE = 0.01;

describe('the comment scrub on the corpus', () => {
  it('has enough cases of both kinds', () => {
    expect(corpus.pii.length + corpus.clean.length).toBeGreaterThanOrEqual(200);
    expect(corpus.pii.length).toBeGreaterThanOrEqual(100);
    expect(corpus.clean.length).toBeGreaterThanOrEqual(100);
  });

  it(`removes at least ${MIN_RECALL * 100}% of the PII and changes at most ${MAX_FALSE_POSITIVE_RATE * 100}% of clean comments`, () => {
    const families = new Map<string, { caught: number; total: number }>();
    const misses: string[] = [];
    for (const { family, text, secrets } of corpus.pii) {
      const scrubbed = scrubComment(text);
      const leaked = leaks(scrubbed, secrets);
      const tally = families.get(family) ?? { caught: 0, total: 0 };
      tally.total++;
      if (leaked.length === 0) tally.caught++;
      else misses.push(`${JSON.stringify(text)} → ${JSON.stringify(scrubbed)} (leaked ${leaked.join(', ')})`);
      families.set(family, tally);
    }
    const falsePositives = corpus.clean.map((text) => [text, scrubComment(text)] as const).filter(([text, scrubbed]) => text !== scrubbed);

    const caught = corpus.pii.length - misses.length;
    const recall = caught / corpus.pii.length;
    const falsePositiveRate = falsePositives.length / corpus.clean.length;
    const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
    console.info(
      [
        `scrub corpus: recall ${percent(recall)} (${caught}/${corpus.pii.length}), false positives ${percent(falsePositiveRate)} (${falsePositives.length}/${corpus.clean.length})`,
        ...[...families].map(([family, { caught: c, total }]) => `  ${family}: ${c}/${total}`),
        ...misses.map((miss) => `  missed: ${miss}`),
        ...falsePositives.map(([text, scrubbed]) => `  changed: ${JSON.stringify(text)} → ${JSON.stringify(scrubbed)}`),
      ].join('\n'),
    );
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falsePositiveRate).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});
