/**
 * Where the patient is: welcome → worry question → topics → summary → feedback → thank you.
 * Screens read it, buttons call its methods. It lives inside one PatientSession and dies with it.
 */
import type { Topic } from '@common/content/journey';
import { SvelteSet } from 'svelte/reactivity';

export const FEEDBACK_STEPS = ['worry-after', 'helpfulness', 'answered', 'comment'] as const;
export type FeedbackStep = (typeof FEEDBACK_STEPS)[number];

export type Screen =
  | { name: 'welcome' }
  | { name: 'worry-before' }
  | { name: 'topic'; index: number }
  | { name: 'closing' }
  | { name: 'feedback'; step: FeedbackStep }
  | { name: 'thanks' };

/** One key per screen: the same screen, however reached, is the same rendered screen. */
export function screenKey(screen: Screen): string {
  if (screen.name === 'topic') return `topic-${screen.index}`;
  if (screen.name === 'feedback') return `feedback-${screen.step}`;
  return screen.name;
}

export class Journey {
  screen = $state<Screen>({ name: 'welcome' });
  /** Topic ids the patient has opened in this session, for the jump list. */
  readonly visited = new SvelteSet<string>();

  readonly #topics: () => readonly Topic[];

  /** Topics are read live: the patient may switch language, which swaps them for translated ones (same ids). */
  constructor(topics: () => readonly Topic[]) {
    this.#topics = topics;
  }

  get topics(): readonly Topic[] {
    return this.#topics();
  }

  get topicIndex(): number | null {
    return this.screen.name === 'topic' ? this.screen.index : null;
  }

  get topic(): Topic | null {
    const index = this.topicIndex;
    return index === null ? null : this.topics[index]!;
  }

  /** From the welcome screen: the worry question comes first. */
  start(): void {
    this.next();
  }

  goTo(index: number): void {
    const topic = this.topics[index];
    if (!topic) return;
    this.screen = { name: 'topic', index };
    this.visited.add(topic.id);
  }

  /**
   * Where Next (or answering a question) leads from here; null where nothing follows (the last
   * question submits instead, and only a new session leaves the thank-you screen).
   */
  get following(): Screen | null {
    const { screen } = this;
    switch (screen.name) {
      case 'welcome':
        return { name: 'worry-before' };
      case 'worry-before':
        return this.topics.length > 0 ? { name: 'topic', index: 0 } : null;
      case 'topic':
        return screen.index + 1 < this.topics.length ? { name: 'topic', index: screen.index + 1 } : { name: 'closing' };
      case 'closing':
        return { name: 'feedback', step: FEEDBACK_STEPS[0] };
      case 'feedback': {
        const step = FEEDBACK_STEPS[FEEDBACK_STEPS.indexOf(screen.step) + 1];
        return step ? { name: 'feedback', step } : null;
      }
      default:
        return null;
    }
  }

  next(): void {
    const following = this.following;
    if (following?.name === 'topic') this.goTo(following.index);
    else if (following) this.screen = following;
  }

  back(): void {
    const { screen } = this;
    if (screen.name === 'worry-before') this.screen = { name: 'welcome' };
    else if (screen.name === 'topic') {
      if (screen.index === 0) this.screen = { name: 'worry-before' };
      else this.goTo(screen.index - 1);
    } else if (screen.name === 'closing') this.goTo(this.topics.length - 1);
    else if (screen.name === 'feedback') {
      const previous = FEEDBACK_STEPS[FEEDBACK_STEPS.indexOf(screen.step) - 1];
      this.screen = previous ? { name: 'feedback', step: previous } : { name: 'closing' };
    }
  }

  showThanks(): void {
    this.screen = { name: 'thanks' };
  }
}
