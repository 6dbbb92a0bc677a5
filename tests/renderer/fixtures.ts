/** Small stand-ins for what the content pack gives the renderer. */
import type { Topic } from '@common/content/journey';

/** `count` section topics with ids topic-0, topic-1, … */
export function topics(count: number): Topic[] {
  return Array.from({ length: count }, (_, index): Topic => {
    const id = `topic-${index}`;
    return { kind: 'section', id, title: `Topic ${index}`, section: { id, title: `Topic ${index}`, paragraphs: ['Text.'], points: [], after: [] } };
  });
}
