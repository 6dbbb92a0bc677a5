import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { bundleStoreForChild } from './child-store.js';
import { quickCheck, useTempDirs } from './helpers.js';

const tempDir = useTempDirs('kiosk-crash-');
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/submit-loop.mjs');
const ROUNDS = 20;

interface Reported {
  id: string;
  topicHelpful: Record<string, boolean>;
  [field: string]: unknown;
}

/** Runs the child, SIGKILLs it after `delayMs` (counted from "ready", or from spawn if `early`). */
function runAndKill(storeModule: string, dataDir: string, round: number, delayMs: number, early: boolean): Promise<Reported[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [FIXTURE, storeModule, dataDir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (early) kill();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (!early && !stdout.includes('ready\n') && (stdout + chunk).includes('ready\n')) kill();
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`round ${round}: child ended by itself (code ${code}): ${stderr}`));
      // Only complete lines count: the last one may have been cut off by the kill.
      const lines = stdout
        .split('\n')
        .slice(0, -1)
        .filter((line) => line !== 'ready');
      resolvePromise(lines.map((line) => JSON.parse(line) as Reported));
    });
  });
}

describe('crash durability', () => {
  it(`keeps every reported feedback, complete, through ${ROUNDS} SIGKILLs at random moments`, async () => {
    const work = tempDir();
    const storeModule = bundleStoreForChild(join(work, 'build'));
    const dataDir = join(work, 'data');
    let reportedTotal = 0;
    const log: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const early = Math.random() < 0.2; // sometimes while it is still opening or migrating
      const delayMs = Math.floor(Math.random() * (early ? 150 : 250));
      const reported = await runAndKill(storeModule, dataDir, round, delayMs, early);
      log.push(`round ${round}: killed ${delayMs} ms after ${early ? 'spawn' : 'ready'}, ${reported.length} reported`);
      reportedTotal += reported.length;

      const store = openFeedbackStore({ dataDir, kioskId: 'verifier' });
      for (const { topicHelpful, ...fields } of reported) {
        const record = store.getById(fields.id);
        expect(record, `${log.at(-1)}: ${fields.id} missing`).toMatchObject({ ...fields, kioskId: `crash-${round}` });
        expect(record?.topicHelpful).toEqual(topicHelpful);
      }
      // At most one more row than reported: committed, but killed before it could say so.
      expect(store.countTotal()).toBeGreaterThanOrEqual(reportedTotal);
      expect(store.listIncidents()).toEqual([]);
      store.close();
      expect(quickCheck(store.file)).toEqual(['ok']);
    }

    console.info(`crash durability: ${reportedTotal} feedback reported and found over ${ROUNDS} kills`);
    expect(reportedTotal, log.join('\n')).toBeGreaterThan(ROUNDS);
    expect(readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
  }, 120_000);
});
