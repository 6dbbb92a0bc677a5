/**
 * The dashboard's figures against numbers this test works out on its own, in plain JavaScript,
 * from the seeded list, in a time zone with a daylight-saving change inside the 30 days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackSubmission } from '../../../electron/common/feedback/schema.js';
import { resolveJourney } from '../../../electron/common/content/journey.js';
import { testClock } from '../fixtures/clock.js';
import { sessionsFor, startTestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-dashboard-');
const TOPICS = ['summary', 'physical', 'safety', 'faq', 'retired-topic'];
const ANSWERS = ['yes', 'partly', 'no', null] as const;

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'America/New_York'; // DST ends on 2026-11-01, inside the window
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

/** A small deterministic generator, so the seed is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Seed {
  at: Date;
  submission: FeedbackSubmission;
}

function seeds(now: Date): Seed[] {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const scale = () => pick([1, 2, 3, 4, 5, null]);
  return Array.from({ length: 90 }, (_, i) => {
    // Up to 40 days back, so some rows fall before the 30-day window.
    const at = new Date(now.getTime() - Math.floor(next() * 40 * 24 * 60) * 60_000);
    const topicHelpful = Object.fromEntries(TOPICS.filter(() => next() < 0.6).map((topic) => [topic, next() < 0.7]));
    const submission = validSubmission({
      worryBefore: scale(),
      worryAfter: scale(),
      overallHelpfulness: scale(),
      answeredQuestions: pick(ANSWERS),
      topicHelpful,
      comment: next() < 0.35 ? `comment ${i} <script>alert(${i})</script>` : null,
      partial: next() < 0.15,
    });
    return { at, submission };
  });
}

const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

describe('the admin dashboard', () => {
  it('matches figures computed independently from the seeded feedback', async () => {
    const now = new Date(2026, 10, 20, 9, 30); // local time in New York
    expect(now.toISOString()).toBe('2026-11-20T14:30:00.000Z'); // the zone really applies
    const { client, core, close } = startTestCore(tempDir(), { clock: testClock(now) });
    const { admin } = await sessionsFor(client);
    const seeded = seeds(now);
    for (const { at, submission } of seeded) core.feedback.store!.submit(submission, { now: at });
    const all = seeded.map((s) => ({ ...s.submission, at: s.at }));

    const dashboard = await client.getDashboard({ session: admin });

    const days = Array.from({ length: 30 }, (_, i) => localDay(new Date(2026, 10, 20 - 29 + i)));
    expect(days[0]).toBe('2026-10-22');
    expect(dashboard.perDay).toEqual(days.map((date) => ({ date, count: all.filter((f) => localDay(f.at) === date).length })));
    expect(dashboard.perDay.some((day) => day.count === 0)).toBe(true);

    const counts = (values: (number | null | undefined)[]) => [1, 2, 3, 4, 5].map((n) => values.filter((value) => value === n).length);
    expect(dashboard.helpfulness).toEqual({
      counts: counts(all.map((f) => f.overallHelpfulness)),
      skipped: all.filter((f) => f.overallHelpfulness === null).length,
    });

    const before = all.map((f) => f.worryBefore).filter((n): n is number => n !== null);
    const after = all.map((f) => f.worryAfter).filter((n): n is number => n !== null);
    const paired = all.filter((f) => f.worryBefore !== null && f.worryAfter !== null).map((f) => f.worryAfter! - f.worryBefore!);
    expect(dashboard.worry.before.counts).toEqual(counts(all.map((f) => f.worryBefore)));
    expect(dashboard.worry.after.counts).toEqual(counts(all.map((f) => f.worryAfter)));
    expect(dashboard.worry.before.mean).toBeCloseTo(mean(before)!, 10);
    expect(dashboard.worry.after.mean).toBeCloseTo(mean(after)!, 10);
    expect(dashboard.worry.paired.n).toBe(paired.length);
    expect(dashboard.worry.paired.meanChange).toBeCloseTo(mean(paired)!, 10);

    const answered = (value: string | null) => all.filter((f) => f.answeredQuestions === value).length;
    expect(dashboard.answeredQuestions).toEqual({ yes: answered('yes'), partly: answered('partly'), no: answered('no'), skipped: answered(null) });

    const { content } = await client.getBootstrap({});
    const rated = (topic: string, helpful: boolean) => all.filter((f) => f.topicHelpful[topic] === helpful).length;
    expect(dashboard.topics).toEqual([
      ...resolveJourney(content).map(({ id, title }) => ({ topicId: id, title, yes: rated(id, true), no: rated(id, false) })),
      { topicId: 'retired-topic', title: 'retired-topic', yes: rated('retired-topic', true), no: rated('retired-topic', false) },
    ]);
    expect(dashboard.topics.find((t) => t.topicId === 'psychological')).toMatchObject({ yes: 0, no: 0 }); // nobody rated it

    const commented = all.filter((f) => f.comment !== null).sort((a, b) => b.at.getTime() - a.at.getTime());
    expect(commented.length).toBeGreaterThan(20);
    expect(dashboard.latestComments).toEqual(commented.slice(0, 20).map((f) => ({ createdAt: f.at.toISOString(), comment: f.comment })));
    expect(all.filter((f) => f.partial).length).toBeGreaterThan(0); // partial rows are in every figure above
    close();
  });

  it('is all zeros, with 30 empty days, before any feedback', async () => {
    const { client, close } = startTestCore(tempDir(), { clock: testClock(new Date(2026, 2, 10, 12)) });
    const { admin } = await sessionsFor(client);
    const dashboard = await client.getDashboard({ session: admin });
    expect(dashboard.perDay).toHaveLength(30);
    expect(dashboard.perDay.at(-1)).toEqual({ date: '2026-03-10', count: 0 });
    expect(dashboard.helpfulness).toEqual({ counts: [0, 0, 0, 0, 0], skipped: 0 });
    expect(dashboard.worry).toEqual({
      before: { counts: [0, 0, 0, 0, 0], mean: null },
      after: { counts: [0, 0, 0, 0, 0], mean: null },
      paired: { n: 0, meanChange: null },
    });
    expect(dashboard.answeredQuestions).toEqual({ yes: 0, partly: 0, no: 0, skipped: 0 });
    expect(dashboard.topics.every((topic) => topic.yes === 0 && topic.no === 0)).toBe(true);
    expect(dashboard.latestComments).toEqual([]);
    close();
  });
});
