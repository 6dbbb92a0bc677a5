/** The dashboard as the contract shapes it: the feedback repository's figures plus topic titles from the content. */
import type { Dashboard } from '../../common/api/staff.js';
import { resolveJourney } from '../../common/content/journey.js';
import type { ContentPack } from '../../common/content/schema.js';
import type { DashboardFigures } from '../storage/feedback-repository.js';

/**
 * Topics in the journey's order, including those nobody rated yet (0 / 0); then any topic that only
 * older content had, by id, titled with its id.
 */
export function toDashboard(figures: DashboardFigures, pack: ContentPack): Dashboard {
  const counted = new Map(figures.topics.map((topic) => [topic.topicId, topic]));
  const journey = resolveJourney(pack).map(({ id, title }) => ({ topicId: id, title, yes: counted.get(id)?.yes ?? 0, no: counted.get(id)?.no ?? 0 }));
  const inJourney = new Set(pack.journey);
  const older = figures.topics.filter((topic) => !inJourney.has(topic.topicId)).map((topic) => ({ ...topic, title: topic.topicId }));
  return { ...figures, topics: [...journey, ...older] };
}
