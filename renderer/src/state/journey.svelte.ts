/**
 * Where the patient is in the walk-through. One instance per loaded content pack; screens read it,
 * buttons call its methods. Nothing here survives a page reload or a "Start over".
 */
import type { Topic } from '@common/content/journey';

export type Screen = { name: 'welcome' } | { name: 'topic'; index: number } | { name: 'closing' };

export class Journey {
  screen = $state<Screen>({ name: 'welcome' });
  /** Topic ids the patient has opened in this session, for the jump list. */
  visited = $state<ReadonlySet<string>>(new Set());

  constructor(readonly topics: readonly Topic[]) {}

  get topicIndex(): number | null {
    return this.screen.name === 'topic' ? this.screen.index : null;
  }

  get topic(): Topic | null {
    const index = this.topicIndex;
    return index === null ? null : this.topics[index]!;
  }

  start(): void {
    this.goTo(0);
  }

  goTo(index: number): void {
    const topic = this.topics[index];
    if (!topic) return;
    this.screen = { name: 'topic', index };
    this.visited = new Set([...this.visited, topic.id]);
  }

  next(): void {
    const index = this.topicIndex;
    if (index === null) return;
    if (index + 1 < this.topics.length) this.goTo(index + 1);
    else this.screen = { name: 'closing' };
  }

  back(): void {
    if (this.screen.name === 'closing') this.goTo(this.topics.length - 1);
    else if (this.topicIndex === 0) this.screen = { name: 'welcome' };
    else if (this.topicIndex !== null) this.goTo(this.topicIndex - 1);
  }

  startOver(): void {
    this.screen = { name: 'welcome' };
    this.visited = new Set();
  }
}
