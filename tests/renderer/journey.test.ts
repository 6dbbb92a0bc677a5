import { describe, expect, it } from 'vitest';
import { FEEDBACK_STEPS, Journey, screenKey, type Screen } from '../../renderer/src/state/journey.svelte';
import { topics } from './fixtures';

describe('Journey', () => {
  it('goes forward from the welcome screen through every screen, and stays on the last step', () => {
    const journey = new Journey(() => topics(3));
    expect(journey.screen).toEqual({ name: 'welcome' });
    journey.start();
    expect(journey.screen).toEqual({ name: 'worry-before' });
    journey.next();
    expect(journey.topicIndex).toBe(0);
    journey.next();
    journey.next();
    expect(journey.topic?.id).toBe('topic-2');
    journey.next();
    expect(journey.screen).toEqual({ name: 'closing' });
    for (const step of FEEDBACK_STEPS) {
      journey.next();
      expect(journey.screen).toEqual({ name: 'feedback', step });
    }
    journey.next(); // past the last question: the submit button moves on, not "next"
    expect(journey.screen).toEqual({ name: 'feedback', step: FEEDBACK_STEPS.at(-1) });
  });

  it('goes back through every screen to the welcome screen, and no further', () => {
    const journey = new Journey(() => topics(2));
    journey.start();
    for (let i = 0; i < 2 + 1 + FEEDBACK_STEPS.length; i++) journey.next();
    const seen = [];
    for (let i = 0; i < 2 + 2 + FEEDBACK_STEPS.length; i++) {
      journey.back();
      seen.push(journey.screen.name === 'topic' ? `topic ${journey.topicIndex}` : journey.screen.name);
    }
    expect(seen).toEqual(['feedback', 'feedback', 'feedback', 'closing', 'topic 1', 'topic 0', 'worry-before', 'welcome']);
    journey.back();
    expect(journey.screen).toEqual({ name: 'welcome' });
  });

  it('jumps to any topic, ignores one that does not exist, and remembers which were read', () => {
    const journey = new Journey(() => topics(4));
    journey.goTo(2);
    expect(journey.topicIndex).toBe(2);
    journey.goTo(4);
    journey.goTo(-1);
    expect(journey.topicIndex).toBe(2);
    journey.back();
    expect(journey.topicIndex).toBe(1);
    journey.goTo(3);
    journey.next();
    expect(journey.screen).toEqual({ name: 'closing' });
    expect([...journey.visited].sort()).toEqual(['topic-1', 'topic-2', 'topic-3']);
  });

  it('leaves the last topic for the summary and comes back to it', () => {
    const journey = new Journey(() => topics(1));
    journey.goTo(0);
    journey.next();
    expect(journey.screen).toEqual({ name: 'closing' });
    journey.back();
    expect(journey.topicIndex).toBe(0);
  });

  it('says where Next leads from every screen, which is where next() goes (the screen built ahead)', () => {
    const journey = new Journey(() => topics(2));
    const predicted: unknown[] = [];
    while (journey.following) {
      predicted.push(journey.following);
      journey.next();
      expect(journey.screen).toEqual(predicted.at(-1));
    }
    expect(predicted).toEqual([
      { name: 'worry-before' },
      { name: 'topic', index: 0 },
      { name: 'topic', index: 1 },
      { name: 'closing' },
      ...FEEDBACK_STEPS.map((step) => ({ name: 'feedback', step })),
    ]);
    journey.showThanks();
    expect(journey.following).toBeNull(); // only a new session leaves the thank-you screen
  });

  it('gives every screen its own key', () => {
    const screens: Screen[] = [
      { name: 'welcome' },
      { name: 'worry-before' },
      { name: 'topic', index: 0 },
      { name: 'topic', index: 1 },
      { name: 'closing' },
      ...FEEDBACK_STEPS.map((step): Screen => ({ name: 'feedback', step })),
      { name: 'thanks' },
    ];
    expect(new Set(screens.map(screenKey)).size).toBe(screens.length);
    expect(screenKey({ name: 'topic', index: 1 })).toBe(screenKey({ name: 'topic', index: 1 }));
  });
});
