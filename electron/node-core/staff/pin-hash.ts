/**
 * PINs at rest: salted scrypt hashes. Each record carries its own cost parameters, so a later
 * version can raise them and still check PINs hashed with the old ones.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import * as v from 'valibot';

const Count = v.pipe(v.number(), v.safeInteger());

/** A stored PIN record, as hashPin writes it; read back through this schema. */
export const PinHashSchema = v.object({
  algorithm: v.literal('scrypt'),
  N: Count,
  r: Count,
  p: Count,
  /** base64 */
  salt: v.string(),
  /** base64 */
  hash: v.string(),
});

export type PinHash = v.InferOutput<typeof PinHashSchema>;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** About 50–100 ms and 32 MiB per hash on a small PC: slow for guessing, quick for a person. */
export const PIN_HASH_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** `cost` is a parameter so tests can hash cheaply; the kiosk always uses PIN_HASH_COST. */
export async function hashPin(pin: string, cost: ScryptCost = PIN_HASH_COST): Promise<PinHash> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, cost);
  return { algorithm: 'scrypt', ...cost, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Compares in constant time. A malformed record never matches. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  if (stored.algorithm !== 'scrypt' || expected.length === 0) return false;
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored, expected.length);
  return timingSafeEqual(actual, expected);
}

// The async scrypt runs on libuv's thread pool: the API stays responsive while it works.
function derive(pin: string, salt: Buffer, { N, r, p }: ScryptCost, keyLength = KEY_LENGTH): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}
