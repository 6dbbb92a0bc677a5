/**
 * The patient's feedback draft for one session. Every answer is optional; nothing here names or
 * identifies the patient. The id is made once per session so a retried submit stores one row.
 */
import type { AnsweredQuestions } from '@common/feedback/constants';
import type { FeedbackSubmissionInput } from '@common/feedback/schema';
import { api } from '../lib/api';
import type { Screen } from './journey.svelte';

/** The answer each one-tap question screen sets. */
const QUESTION_ANSWERS = {
  'worry-before': 'worryBefore',
  'worry-after': 'worryAfter',
  helpfulness: 'overallHelpfulness',
  answered: 'answeredQuestions',
} as const;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export class FeedbackDraft {
  readonly id = crypto.randomUUID();
  worryBefore = $state<number | null>(null);
  worryAfter = $state<number | null>(null);
  topicHelpful = $state<Record<string, boolean>>({});
  overallHelpfulness = $state<number | null>(null);
  answeredQuestions = $state<AnsweredQuestions | null>(null);
  comment = $state('');
  saveStatus = $state<SaveStatus>('idle');

  /** Whether the patient answered anything at all. */
  get hasAnswers(): boolean {
    const { topicHelpful, ...single } = this.#answers();
    return Object.values(single).some((answer) => answer !== null) || Object.keys(topicHelpful).length > 0;
  }

  /** The answer already given on this question screen; null when none, or not a question screen. */
  answerOn(screen: Screen): number | AnsweredQuestions | null {
    const question = screen.name === 'worry-before' ? screen.name : screen.name === 'feedback' && screen.step !== 'comment' ? screen.step : null;
    return question === null ? null : this[QUESTION_ANSWERS[question]];
  }

  setTopicHelpful(topicId: string, helpful: boolean): void {
    this.topicHelpful = { ...this.topicHelpful, [topicId]: helpful };
  }

  toSubmission(locale: string, contentVersion: string): FeedbackSubmissionInput {
    return { id: this.id, locale, contentVersion, ...this.#answers() };
  }

  /** The answers as they are sent: skipped ones as null, a blank comment as none. */
  #answers() {
    const comment = this.comment.trim();
    return {
      worryBefore: this.worryBefore,
      worryAfter: this.worryAfter,
      topicHelpful: $state.snapshot(this.topicHelpful),
      overallHelpfulness: this.overallHelpfulness,
      answeredQuestions: this.answeredQuestions,
      comment: comment === '' ? null : comment,
    };
  }

  /**
   * Stores what an unfinished session answered, marked partial (when the clinic keeps those).
   * Fire and forget: the next patient is not made to wait for it.
   */
  keepAsPartial(locale: string, contentVersion: string): void {
    if (this.saveStatus === 'saved' || !this.hasAnswers) return;
    api
      .submitFeedback({ ...this.toSubmission(locale, contentVersion), partial: true })
      .catch((error: unknown) => console.warn('partial feedback was not saved', error));
  }

  /** Resolves true only once the kiosk has committed the row. */
  async submit(locale: string, contentVersion: string): Promise<boolean> {
    if (this.saveStatus === 'saving' || this.saveStatus === 'saved') return this.saveStatus === 'saved';
    this.saveStatus = 'saving';
    try {
      await api.submitFeedback(this.toSubmission(locale, contentVersion));
      this.saveStatus = 'saved';
      return true;
    } catch (error) {
      // A warning, not an error: the core has logged the detail, and the patient sees a calm message.
      console.warn('feedback was not saved', error);
      this.saveStatus = 'failed';
      return false;
    }
  }
}
