/** Resolves a pack's journey into screens. Type-only imports: safe for the patient bundle. */
import type { ContentPack, Section } from './schema.js';

/** One screen of the walk-through, resolved from the pack. */
export type Topic =
  | { kind: 'summary'; id: 'summary'; title: string; paragraphs: string[] }
  | { kind: 'section'; id: string; title: string; section: Section }
  | { kind: 'comparison'; id: 'comparison'; title: string; comparison: ContentPack['comparison'] }
  | { kind: 'faq'; id: 'faq'; title: string; faq: ContentPack['faq'] };

/** The journey as screens, in order. Assumes a pack that passed the schema. */
export function resolveJourney(pack: ContentPack): Topic[] {
  return pack.journey.map((id): Topic => {
    if (id === 'summary') return { kind: 'summary', id, title: pack.summary.title, paragraphs: pack.summary.paragraphs };
    if (id === 'comparison') return { kind: 'comparison', id, title: pack.comparison.title, comparison: pack.comparison };
    if (id === 'faq') return { kind: 'faq', id, title: pack.faq.title, faq: pack.faq };
    const section = pack.sections.find((s) => s.id === id)!;
    return { kind: 'section', id, title: section.title, section };
  });
}
