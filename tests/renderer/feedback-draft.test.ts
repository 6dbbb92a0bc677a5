import { describe, expect, it } from 'vitest';
import { FeedbackSubmissionSchema } from '@common/feedback/schema';
import * as v from 'valibot';
import { FeedbackDraft } from '../../renderer/src/state/feedback.svelte';

describe('FeedbackDraft', () => {
  it('starts with no answers, and a fresh id per draft', () => {
    const draft = new FeedbackDraft();
    expect(draft.hasAnswers).toBe(false);
    expect(draft.id).not.toBe(new FeedbackDraft().id);
  });

  it('sends partial answers with the skipped ones as null, in a shape the contract accepts', () => {
    const draft = new FeedbackDraft();
    draft.worryBefore = 4;
    draft.setTopicHelpful('safety', true);
    expect(draft.hasAnswers).toBe(true);
    const submission = draft.toSubmission('en', '1.0.0');
    expect(submission).toEqual({
      id: draft.id,
      locale: 'en',
      contentVersion: '1.0.0',
      worryBefore: 4,
      worryAfter: null,
      topicHelpful: { safety: true },
      overallHelpfulness: null,
      answeredQuestions: null,
      comment: null,
    });
    expect(v.safeParse(FeedbackSubmissionSchema, submission).success).toBe(true);
  });

  it('keeps only the latest of changed answers', () => {
    const draft = new FeedbackDraft();
    draft.setTopicHelpful('safety', true);
    draft.setTopicHelpful('faq', true);
    draft.setTopicHelpful('safety', false);
    draft.overallHelpfulness = 2;
    draft.overallHelpfulness = 5;
    draft.answeredQuestions = 'no';
    draft.answeredQuestions = 'partly';
    draft.comment = '  first thought  ';
    draft.comment = '  second thought ';
    expect(draft.toSubmission('en', '1.0.0')).toMatchObject({
      topicHelpful: { safety: false, faq: true },
      overallHelpfulness: 5,
      answeredQuestions: 'partly',
      comment: 'second thought',
    });
  });

  it('counts a blank comment as no answer', () => {
    const draft = new FeedbackDraft();
    draft.comment = ' \n\t ';
    expect(draft.hasAnswers).toBe(false);
    expect(draft.toSubmission('en', '1.0.0').comment).toBeNull();
    draft.comment = 'x';
    expect(draft.hasAnswers).toBe(true);
  });

  it('sends a plain copy of the topic answers, which later taps do not change', () => {
    const draft = new FeedbackDraft();
    draft.setTopicHelpful('safety', true);
    const sent = draft.toSubmission('en', '1.0.0');
    draft.setTopicHelpful('safety', false);
    expect(sent.topicHelpful).toEqual({ safety: true });
  });
});
