import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { hashPin, PIN_HASH_COST, PinHashSchema, verifyPin } from '../../../electron/node/staff/pin-hash.js';
import { CHEAP_PIN_HASH_COST } from '../fixtures/core.js';

describe('PIN hashes', () => {
  // The one test that pays the production cost: the other tests hash with CHEAP_PIN_HASH_COST.
  it('are salted scrypt records that carry their own parameters, at the production cost by default', async () => {
    expect(PIN_HASH_COST).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const first = await hashPin('1357');
    const second = await hashPin('1357');
    expect(first).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(first.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(first.hash, 'base64')).toHaveLength(32);
    expect(second.salt).not.toBe(first.salt); // a fresh random salt each time
    expect(second.hash).not.toBe(first.hash);
    expect(JSON.stringify(first)).not.toContain('1357');
    expect(v.is(PinHashSchema, JSON.parse(JSON.stringify(first)))).toBe(true);
  });

  it('match the right PIN only', async () => {
    const stored = await hashPin('246800', CHEAP_PIN_HASH_COST);
    expect(stored).toMatchObject(CHEAP_PIN_HASH_COST);
    expect(await verifyPin('246800', stored)).toBe(true);
    for (const wrong of ['246801', '24680', '2468000', '0246800', '']) expect(await verifyPin(wrong, stored)).toBe(false);
  });

  it('check a PIN hashed with other parameters by those parameters', async () => {
    const salt = Buffer.alloc(16, 7);
    const older = {
      algorithm: 'scrypt' as const,
      N: 1024,
      r: 4,
      p: 2,
      salt: salt.toString('base64'),
      hash: scryptSync('9999', salt, 24, { N: 1024, r: 4, p: 2 }).toString('base64'),
    };
    expect(await verifyPin('9999', older)).toBe(true);
    expect(await verifyPin('9998', older)).toBe(false);
  });

  it('never match a malformed record', async () => {
    const stored = await hashPin('1357', CHEAP_PIN_HASH_COST);
    expect(await verifyPin('1357', { ...stored, hash: '' })).toBe(false);
    expect(await verifyPin('1357', { ...stored, algorithm: 'md5' as 'scrypt' })).toBe(false);
    expect(v.is(PinHashSchema, { ...stored, N: '32768' })).toBe(false);
    expect(v.is(PinHashSchema, null)).toBe(false);
  });
});
