/**
 * The `clinic-kiosk` command as an operator runs it (see cli-child.ts): a child process running the
 * TypeScript sources through tsx (no build needed first), PINs through a stdin pipe, files on disk.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePseudoLocaleDir, PSEUDO_LOCALE } from '../../support/pseudo-locale.js';
import { testClock } from '../fixtures/clock.js';
import { ADMIN_PIN, sessionsFor, STAFF_PIN, startTestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { sha256 } from '../export/helpers.js';
import { useTempDirs } from '../storage/helpers.js';
import { CLI, spawnCli, startServe } from './cli-child.js';

const tempDir = useTempDirs('kiosk-cli-');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its end. A command that missed its --data-dir lands in a throwaway folder, never a real kiosk's. */
async function run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const cli = spawnCli(args, { input: options.input, env: { KIOSK_DATA_DIR: tempDir(), ...options.env } });
  const { code } = await cli.exited;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

describe('clinic-kiosk set-pin', () => {
  it('reads the PIN from a pipe, and the kiosk then opens with it', async () => {
    const dataDir = tempDir();
    const admin = await run(['set-pin', 'admin', '--data-dir', dataDir], { input: `${ADMIN_PIN}\n` });
    expect(admin).toMatchObject({ code: 0, stdout: 'The admin PIN is set. Any PIN lock-out has been lifted.\n' });
    // KIOSK_DATA_DIR works too, and a last line without a newline is still a line.
    expect((await run(['set-pin', 'staff'], { input: STAFF_PIN, env: { KIOSK_DATA_DIR: dataDir } })).code).toBe(0);

    const { client, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: true, setupAllowed: false, lockedForSeconds: 0 });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    close();
    expect(readFileSync(join(dataDir, 'logs', 'kiosk.log'), 'utf8')).not.toContain(ADMIN_PIN);
  });

  it('refuses anything but 4 to 8 digits, and a PIN equal to the other one', async () => {
    const dataDir = tempDir();
    for (const input of ['12a4\n', '123\n', '123456789\n', '12 34\n']) {
      const result = await run(['set-pin', 'staff', '--data-dir', dataDir], { input });
      expect(result, JSON.stringify(input)).toMatchObject({ code: 1, stderr: 'clinic-kiosk: the PIN must be 4 to 8 digits (0-9), nothing else.\n' });
    }
    expect(await run(['set-pin', 'staff', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: 'clinic-kiosk: no PIN was given on standard input.\n' });
    expect(await run(['set-pin', 'boss', '--data-dir', dataDir], { input: '1234\n' })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('set-pin needs the role'),
    });

    expect((await run(['set-pin', 'admin', '--data-dir', dataDir], { input: '2468\n' })).code).toBe(0);
    expect(await run(['set-pin', 'staff', '--data-dir', dataDir], { input: '2468\n' })).toMatchObject({
      code: 1,
      stderr: 'clinic-kiosk: the staff PIN must differ from the other PIN\n',
    });
    const { client, close } = startTestCore(dataDir);
    // Only the admin PIN was taken; the screen may not set the staff PIN now, only set-pin may.
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: false, setupAllowed: false, lockedForSeconds: 0 });
    close();
  });

  it('is the way back in: it replaces a set PIN and lifts a lock-out, even while the kiosk runs', async () => {
    const dataDir = tempDir();
    const { client, close } = startTestCore(dataDir, { clock: testClock() });
    await sessionsFor(client);
    for (let i = 0; i < 5; i++) await client.unlockStaff({ pin: '0000' });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'locked' });

    expect((await run(['set-pin', 'admin', '--data-dir', dataDir], { input: '97531\n' })).code).toBe(0);
    expect(await client.unlockStaff({ pin: '97531' })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 }); // the old one is gone
    close();
  });
});

describe('clinic-kiosk export', () => {
  it('writes the file and its manifest, prints the rows and SHA-256, and marks the rows', async () => {
    const dataDir = tempDir();
    const { core, close } = startTestCore(dataDir);
    const store = core.feedback.database!;
    for (const day of [1, 2, 3]) store.feedback.submit(validSubmission({ comment: '=SUM(A1)' }), { now: new Date(2026, 10, day, 12) });
    const out = join(tempDir(), 'feedback.csv');

    const result = await run(['export', '--format', 'csv', '--out', out, '--since', '2026-11-02', '--until', '2026-11-03', '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect(result.stdout).toBe(`Exported 2 rows to ${out}\nSHA-256: ${sha256(bytes)}\nManifest: ${out}.manifest.json\n`);
    expect(JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8'))).toMatchObject({
      rows: 2,
      sha256: sha256(bytes),
      format: 'csv',
      coarsenedToHour: true,
      filters: { since: '2026-11-02', until: '2026-11-03' },
    });
    expect(bytes.toString('utf8')).toContain(`'=SUM(A1)`);
    expect([...store.feedback.iterateFeedback({ onlyUnexported: true })].map((row) => row.createdAt)).toEqual([new Date(2026, 10, 1, 12).toISOString()]);

    const rest = join(tempDir(), 'rest.ndjson');
    expect(await run(['export', '--format', 'ndjson', '--out', rest, '--unexported', '--data-dir', dataDir])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Exported 1 row to /),
    });
    const row = JSON.parse(readFileSync(rest, 'utf8'));
    expect(row.comment).toBe('=SUM(A1)');
    // Rounded to the hour by default, in NDJSON as in CSV (local noon is a whole UTC hour in most zones, not all).
    expect(row.created_at).toBe(`${new Date(2026, 10, 1, 12).toISOString().slice(0, 13)}:00:00.000Z`);
    close();
  });

  it('refuses a wrong format, a missing file or a bad date, and writes nothing', async () => {
    const dataDir = tempDir();
    const out = join(tempDir(), 'x.csv');
    const cases: [string[], RegExp][] = [
      [['--format', 'xml', '--out', out], /--format must be one of csv, json, ndjson/],
      [['--format', 'csv'], /--out FILE is required/],
      [['--format', 'csv', '--out', out, '--since', '2026-02-30'], /--since: must be a date like 2026-11-29/],
      [['--format', 'csv', '--out', out, '--since', '2026-11-05', '--until', '2026-11-01'], /--until: must not be before the start date/],
      // Once exported 0 rows without a word: 10000-01-01 sorts before every stored time.
      [['--format', 'csv', '--out', out, '--until', '9999-12-31'], /--until: must be a date like 2026-11-29, in the years 2000 to 2999/],
    ];
    for (const [args, message] of cases) {
      const result = await run(['export', ...args, '--data-dir', dataDir]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('is in the usage text, with set-pin', async () => {
    const { stdout, code } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('set-pin staff|admin');
    expect(stdout).toContain('export --format csv|json|ndjson --out FILE [--since DATE] [--until DATE] [--unexported]');
  });
});

describe('clinic-kiosk validate-content', () => {
  it('checks the bundled pack and its Spanish translation', async () => {
    const { stdout, stderr, code } = await run(['validate-content']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Content pack OK: .*ketamine-addiction\.en\.yaml \(ketamine-addiction \d+\.\d+\.\d+, en, \d+ topics\)$/m);
    expect(stdout).toMatch(/^Translation OK: es \(\d+\.\d+\.\d+, needs clinical review\)$/m);
  });

  it('fails on a translation that cannot be used, naming the file and the field', async () => {
    const { dir, packFile } = makePseudoLocaleDir();
    writeFileSync(join(dir, `ui.${PSEUDO_LOCALE}.json`), JSON.stringify({ 'nav.next': 42 }));
    const { stdout, stderr, code } = await run(['validate-content', packFile]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(stdout).toContain('Translation OK: es');
    expect(stderr).toBe(`Translation is invalid: ${join(dir, `ui.${PSEUDO_LOCALE}.json`)}: nav.next: must be text\n`);
  });
});

describe('quitting the browser shell', () => {
  it('answers the admin, then closes the server and exits', async () => {
    const dataDir = tempDir();
    expect((await run(['set-pin', 'admin', '--data-dir', dataDir], { input: `${ADMIN_PIN}\n` })).code).toBe(0);
    const serve = await startServe(dataDir);
    const call = async (method: string, input: unknown) => (await serve.call(method, input)).json;

    const unlocked = await call('unlockStaff', { pin: ADMIN_PIN });
    expect(unlocked).toMatchObject({ ok: true, value: { outcome: 'unlocked', role: 'admin' } });
    expect(await call('quitKiosk', { session: unlocked.value.session })).toEqual({ ok: true, value: { done: true } });
    expect(await serve.exited).toBe(0);
    await expect(serve.call('getBootstrap', {})).rejects.toThrow();
  });
});

/** `start`'s output up to its printed link, with a stand-in `electron` binary running `script`. */
async function startWithElectron(script: string, electronSqlite: string): Promise<string> {
  const electronDir = tempDir();
  writeFileSync(join(electronDir, 'electron'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  const env = {
    ...process.env,
    ELECTRON_OVERRIDE_DIST_PATH: electronDir,
    KIOSK_ELECTRON_SQLITE: electronSqlite,
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
    KIOSK_CHROMIUM: '',
  };
  const child = spawn(process.execPath, [...CLI, 'start', '--port', '0', '--data-dir', tempDir()], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<string>((resolvePromise, reject) => {
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (/#token=\S+\n/.test(text)) resolvePromise(text);
      });
      child.on('exit', (code) => reject(new Error(`start exited early (${code}): ${text}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
}

describe('clinic-kiosk start', () => {
  it('runs the browser shell when the Electron shell exits 78 (it cannot load SQLite)', async () => {
    // What start takes for Electron's build of SQLite: it only has to exist for start to try Electron.
    const electronSqlite = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(electronSqlite, 'a stand-in: start only checks that it exists');
    const electronArgs = join(tempDir(), 'args');
    const stdout = await startWithElectron(
      `echo "$@" > '${electronArgs}'\necho "The SQLite module cannot be loaded by Electron (a stand-in)." >&2\nexit 78`,
      electronSqlite,
    );
    const lines = stdout.split('\n');
    const electronLine = lines.findIndex((line) => line.startsWith('Starting the Electron shell'));
    const fallbackLine = lines.indexOf('Starting the browser shell instead, because the Electron shell could not load its SQLite module.');
    expect(electronLine).toBeGreaterThanOrEqual(0);
    expect(fallbackLine).toBeGreaterThan(electronLine);
    expect(readFileSync(electronArgs, 'utf8')).toContain(join('dist', 'electron', 'electron-main', 'main.cjs'));
    expect(stdout).toMatch(/#token=\S+\n/);
  });

  it('with an Electron binary but no Electron build of SQLite, says so in one line and runs the browser shell', async () => {
    // A stand-in Electron binary that leaves a mark if it is ever run; the build it would need is missing.
    const mark = join(tempDir(), 'was-run');
    const stdout = await startWithElectron(`touch '${mark}'`, join(tempDir(), 'missing', 'better_sqlite3.node'));
    const reasons = stdout.split('\n').filter((line) => line.startsWith('Starting the browser shell, because'));
    expect(reasons).toEqual([expect.stringContaining('the SQLite module is not built for Electron')]);
    expect(reasons[0]).toContain('npm run rebuild:electron');
    expect(existsSync(mark)).toBe(false);
  });
});
