import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FeedbackSubmissionSchema, MAX_COMMENT_LENGTH } from '../../../electron/common/feedback/schema.js';
import { firstFieldError } from '../../../electron/common/validation.js';
import { SKIPPED_ANSWERS } from '../fixtures/feedback.js';
import { baseSubmission, malformedPayloads } from './malformed-payloads.js';

const cases = malformedPayloads();

describe('feedback submission schema', () => {
  it('accepts a complete submission and one with every answer skipped', () => {
    expect(v.safeParse(FeedbackSubmissionSchema, baseSubmission()).success).toBe(true);
    const skipped = { ...baseSubmission(), ...SKIPPED_ANSWERS };
    delete (skipped as { partial?: boolean }).partial;
    expect(v.parse(FeedbackSubmissionSchema, skipped).partial).toBe(false);
  });

  it('accepts the edges of every range', () => {
    for (const value of [1, 5, 2.0]) expect(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), worryBefore: value }).success).toBe(true);
    const topics = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`topic-${i}`, i % 2 === 0]));
    expect(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), topicHelpful: topics }).success).toBe(true);
    expect(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), comment: 'x'.repeat(MAX_COMMENT_LENGTH) }).success).toBe(true);
    expect(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), comment: 'line one\nline two\tand a tab' }).success).toBe(true);
    expect(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), locale: 'es-MX', contentVersion: '12.0.31' }).success).toBe(true);
  });

  it('takes a left-out partial as false', () => {
    const { partial: _, ...withoutPartial } = baseSubmission();
    expect(v.parse(FeedbackSubmissionSchema, withoutPartial).partial).toBe(false);
  });

  it('lowers the UUID, so one id in two cases is one feedback', () => {
    const id = crypto.randomUUID();
    expect(v.parse(FeedbackSubmissionSchema, { ...baseSubmission(), id: id.toUpperCase() }).id).toBe(id);
  });

  it(`generates at least 200 malformed payloads (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases.map((c) => [c.name, c] as const))('rejects %s, naming the field', (_, { payload, field }) => {
    const result = v.safeParse(FeedbackSubmissionSchema, payload);
    expect(result.success).toBe(false);
    if (result.success || field === null) return;
    const error = firstFieldError(result.issues);
    expect(error.field === field || error.field.startsWith(`${field}.`), `${error.field}: ${error.message}`).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it('words the common faults plainly', () => {
    const fault = (patch: Record<string, unknown>) => firstFieldError(v.safeParse(FeedbackSubmissionSchema, { ...baseSubmission(), ...patch }).issues!);
    expect(fault({ worryBefore: 7 })).toEqual({ field: 'worryBefore', message: 'must be at most 5' });
    expect(fault({ email: 'a@b.cc' })).toEqual({ field: 'email', message: 'is not a known field' });
    expect(fault({ comment: 'x'.repeat(501) })).toEqual({ field: 'comment', message: 'must be at most 500 characters' });
    expect(fault({ id: 'nope' })).toEqual({ field: 'id', message: 'must be a version 4 UUID' });
    const { locale: _, ...missing } = baseSubmission();
    expect(firstFieldError(v.safeParse(FeedbackSubmissionSchema, missing).issues!)).toEqual({ field: 'locale', message: 'is required' });
  });

  it('has no field for who the patient is', () => {
    expect(Object.keys(FeedbackSubmissionSchema.entries).sort()).toEqual([
      'answeredQuestions',
      'comment',
      'contentVersion',
      'id',
      'locale',
      'overallHelpfulness',
      'partial',
      'topicHelpful',
      'worryAfter',
      'worryBefore',
    ]);
  });
});
