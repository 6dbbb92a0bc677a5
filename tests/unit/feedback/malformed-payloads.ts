/**
 * Generates malformed feedback submissions: every field missing, every field with values of the
 * wrong type or out of range, unknown fields (including the identifying ones we never accept),
 * non-objects, and seeded random combinations of several faults at once.
 */
import { randomUUID } from 'node:crypto';
import { validSubmission } from '../fixtures/feedback.js';

export interface MalformedCase {
  name: string;
  payload: unknown;
  /** The field the first error must name (a prefix for nested paths); null when several are wrong. */
  field: string | null;
}

export function baseSubmission(): Record<string, unknown> {
  return { ...validSubmission() };
}

const notObjects = [null, undefined, 'feedback', 42, true, [], [baseSubmission()]];
const badScale = [0, 6, -1, 1.5, 2.0000001, 100, '3', '', true, false, {}, [3], NaN, Infinity, -Infinity, 2 ** 53 + 2];
const manyTopics = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`topic-${i}`, true]));
const uuid = () => randomUUID();

const badValues: Record<string, unknown[]> = {
  id: [
    '',
    'not-a-uuid',
    'c232ab00-9414-11ec-b3c8-9f6bdeced846',
    uuid().replace(/-/g, ''),
    `${uuid()} `,
    ` ${uuid()}`,
    `{${uuid()}}`,
    uuid().replace(/^./, 'g'),
    uuid().slice(0, 19) + 'c' + uuid().slice(20),
    123,
    null,
    true,
    {},
    [uuid()],
    `${uuid()}${uuid()}`,
  ],
  locale: ['', 'english', 'EN', 'en-us', 'en_US', 'e', 'en-USA', 'en ', 1, null, true, ['en'], {}],
  contentVersion: ['', '1', '1.0', 'v1.0.0', '1.0.0-beta', '1.0.0 ', '1.0.0.0', `${'9'.repeat(40)}.0.0`, 1, 1.0, null, {}, ['1.0.0']],
  worryBefore: badScale,
  worryAfter: badScale,
  overallHelpfulness: badScale,
  topicHelpful: [
    null,
    [],
    [true, false],
    'summary',
    1,
    true,
    { Summary: true },
    { 'a b': true },
    { 'a--b': true },
    { '-a': true },
    { summary: 1 },
    { summary: 'yes' },
    { summary: null },
    { [`${'a'.repeat(65)}`]: true },
    manyTopics,
    { summary: { nested: true } },
  ],
  answeredQuestions: ['Yes', 'maybe', '', 'no ', 1, 0, true, false, {}, ['yes'], 'partial'],
  comment: [
    'x'.repeat(501),
    'é'.repeat(501),
    '😀'.repeat(251),
    1,
    true,
    {},
    [],
    ['text'],
    'nul \u0000 byte',
    'bell \u0007',
    'escape \u001b[2J',
    'lone \uD800 surrogate',
    'del \u007f',
  ],
  partial: [null, 'false', 'true', 0, 1, {}, []],
};

const unknownFields: Record<string, unknown> = {
  name: 'Jane Doe',
  email: 'jane@example.org',
  phone: '555 867 5309',
  ip: '10.0.0.1',
  userAgent: 'Mozilla/5.0',
  deviceId: 'abc',
  fingerprint: 'f',
  contact: 'desk',
  createdAt: '2025-01-01T00:00:00.000Z',
  kioskId: 'kiosk-2',
  seq: 1,
  ID: uuid(),
  'comment ': 'x',
  constructor: 'x',
};

export function malformedPayloads(): MalformedCase[] {
  const cases: MalformedCase[] = [];
  // valibot reads an array as an object with missing fields, so its first error names a field.
  notObjects.forEach((payload, i) => cases.push({ name: `not an object #${i}`, payload, field: Array.isArray(payload) ? null : '' }));
  for (const field of Object.keys(baseSubmission()).filter((f) => f !== 'partial')) {
    const { [field]: _, ...payload } = baseSubmission();
    cases.push({ name: `missing ${field}`, payload, field });
  }
  for (const [field, values] of Object.entries(badValues)) {
    values.forEach((value, i) => cases.push({ name: `${field} bad #${i}`, payload: { ...baseSubmission(), [field]: value }, field }));
  }
  for (const [field, value] of Object.entries(unknownFields)) {
    cases.push({ name: `unknown field ${field}`, payload: { ...baseSubmission(), [field]: value }, field });
  }
  // A JSON body can carry "__proto__" as a plain key; it must not slip past as a prototype.
  cases.push({ name: 'unknown field __proto__', payload: JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(baseSubmission()).slice(1)}`), field: null });
  // Keys valibot's record would drop without a word; the map must be refused, not stored without them.
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const payload = { ...baseSubmission(), topicHelpful: JSON.parse(`{"summary":true,${JSON.stringify(key)}:true}`) };
    cases.push({ name: `topicHelpful key ${key}`, payload, field: 'topicHelpful' });
  }
  cases.push(...combinations(80));
  return cases;
}

/** Seeded, so a failure reproduces. */
function combinations(count: number): MalformedCase[] {
  let seed = 20250309;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const fields = Object.keys(badValues);
  return Array.from({ length: count }, (_, i) => {
    const payload = baseSubmission();
    const faults = 2 + random(3);
    for (let f = 0; f < faults; f++) {
      const field = fields[random(fields.length)]!;
      const values = badValues[field]!;
      payload[field] = values[random(values.length)];
    }
    if (random(3) === 0) payload[Object.keys(unknownFields)[random(Object.keys(unknownFields).length)]!] = 'extra';
    return { name: `combination #${i}`, payload, field: null };
  });
}
