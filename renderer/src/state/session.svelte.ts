/**
 * Everything that belongs to the patient at the screen right now: where they are, their answers,
 * their text size and contrast, which dialog is open. (Their language is reset beside it: see Language.)
 * "Start over" and the idle reset replace the
 * whole object, so nothing of one patient can leak to the next.
 */
import type { Topic } from '@common/content/journey';
import { DisplaySettings } from './display.svelte';
import { FeedbackDraft } from './feedback.svelte';
import { Journey } from './journey.svelte';

export type OpenDialog = 'none' | 'topics' | 'disclaimer';

export class PatientSession {
  readonly journey: Journey;
  readonly feedback = new FeedbackDraft();
  readonly display = new DisplaySettings();
  dialog = $state<OpenDialog>('none');

  constructor(topics: () => readonly Topic[]) {
    this.journey = new Journey(topics);
  }

  /** Nothing of a patient here yet: the idle reset has nothing to clear. */
  get isPristine(): boolean {
    return this.journey.screen.name === 'welcome' && this.display.isDefault && this.dialog === 'none' && !this.feedback.hasAnswers;
  }
}
