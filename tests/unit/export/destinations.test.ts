/**
 * Where an export goes: one-time download links from the real browser-shell server on 127.0.0.1,
 * or a folder the (Electron) shell's dialog picked.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { REFUSALS_LOGGED_PER_MINUTE } from '../../../electron/browser-shell/refusal-log.js';
import { COARSEN_EXPORTS_BY_DEFAULT } from '../../../electron/common/feedback/time-precision.js';
import { TICKET_LIFETIME_MS } from '../../../electron/node/export/download-tickets.js';
import { testClock } from '../fixtures/clock.js';
import { capturingLogger, sessionsFor, startTestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { testShell } from '../fixtures/shell.js';
import { adminSessionOn, useTestServers, type TestServer } from '../http/kiosk-server.js';
import { useTempDirs } from '../storage/helpers.js';
import { outcomeOf, sha256, stagedPath, stagingFolder } from './helpers.js';

const tempDir = useTempDirs('kiosk-destination-');
const startServer = useTestServers();

/** A GET with no API token, as a browser following the link would send it. */
async function download(running: TestServer, url: string, init: RequestInit = {}) {
  const response = await fetch(new URL(url, running.shell.origin), init);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('download links (browser shell)', () => {
  it('serve the file and its manifest once, as attachments, without the API token', async () => {
    const server = await startServer({ clock: testClock() });
    const session = await adminSessionOn(server);
    for (let i = 0; i < 3; i++) await server.call('submitFeedback', validSubmission());
    const prepared = outcomeOf('download', await server.call('prepareExport', { session, format: 'csv', destination: 'download', since: '2026-11-01' }));
    expect(prepared).toMatchObject({
      fileName: 'clinic-kiosk_kiosk-1_2026-11-01_to_all.csv',
      manifestFileName: 'clinic-kiosk_kiosk-1_2026-11-01_to_all.csv.manifest.json',
      rows: 3,
    });
    expect(prepared.downloadUrl).toMatch(/^\/downloads\/[A-Za-z0-9_-]{43}\/clinic-kiosk_kiosk-1_2026-11-01_to_all\.csv$/);

    const stagedFile = stagedPath(server, prepared.fileName);
    const staged = readFileSync(stagedFile);
    const file = await download(server, prepared.downloadUrl);
    expect(file.response.status).toBe(200);
    expect(file.response.headers.get('content-disposition')).toBe('attachment; filename="clinic-kiosk_kiosk-1_2026-11-01_to_all.csv"');
    expect(file.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(sha256(file.bytes)).toBe(prepared.sha256);
    expect(file.bytes).toEqual(staged);
    // Sent means gone: no feedback stays staged in the data folder.
    // (The server deletes it right after the last byte, so wait for that rather than race it.)
    await vi.waitFor(() => expect(existsSync(stagedFile)).toBe(false));

    const manifest = await download(server, prepared.manifestUrl);
    expect(JSON.parse(manifest.bytes.toString('utf8'))).toMatchObject({ rows: 3, sha256: prepared.sha256, format: 'csv' });

    expect((await download(server, prepared.downloadUrl)).response.status).toBe(404); // spent
    expect((await download(server, prepared.manifestUrl)).response.status).toBe(404);
  });

  it('expire after 5 minutes, and are not spent by a wrong name, a HEAD or another host', async () => {
    const clock = testClock();
    const server = await startServer({ clock });
    const session = await adminSessionOn(server);
    const first = outcomeOf('download', await server.call('prepareExport', { session, format: 'json', destination: 'download' }));
    const second = outcomeOf('download', await server.call('prepareExport', { session, format: 'json', destination: 'download' }));
    expect(second.fileName).toBe('clinic-kiosk_kiosk-1_all-2.json'); // the first file is kept

    const ticketOf = (url: string) => url.split('/')[2];
    expect((await download(server, `/downloads/${ticketOf(first.downloadUrl)}/other.json`)).response.status).toBe(404);
    expect((await download(server, first.downloadUrl, { method: 'HEAD' })).response.status).toBe(405);
    expect(await statusWithHost(server, first.downloadUrl, 'attacker.example')).toBe(404);
    clock.advance(TICKET_LIFETIME_MS - 1000);
    expect((await download(server, first.downloadUrl)).response.status).toBe(200);
    clock.advance(1000);
    const expired = await download(server, second.downloadUrl);
    expect(expired.response.status).toBe(404);
    expect(expired.bytes.toString()).toMatch(/expired or was already used/);
    await vi.waitFor(() => expect(readdirSync(stagingFolder(server))).toEqual([]));
  });

  it('log refused requests in bounded form: made-up links cannot grow the log', async () => {
    const log = capturingLogger();
    const server = await startServer({ logger: log.logger });
    for (let i = 0; i < 200; i++) expect((await download(server, `/downloads/made-up-${i}/${'x'.repeat(1000)}.csv`)).response.status).toBe(404);
    const refusals = log.lines().filter((line) => line.event === 'download');
    expect(refusals).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
    expect(JSON.stringify(refusals).length).toBeLessThan(REFUSALS_LOGGED_PER_MINUTE * 200);
  });

  it('are the only destination the browser shell offers', async () => {
    const server = await startServer();
    const session = await adminSessionOn(server);
    const { json } = await server.post('prepareExport', JSON.stringify({ session, format: 'csv', destination: 'folder' }));
    expect(json).toEqual({ ok: false, error: { code: 'invalid_input', message: 'this shell cannot save to a folder' } });
  });
});

/** Host is a header fetch will not let us forge, so this one request goes through node:http. */
function statusWithHost(running: TestServer, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, running.shell.origin);
    request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    })
      .on('error', reject)
      .end();
  });
}

describe('a folder chosen in the shell (Electron)', () => {
  it('receives the file and its manifest; a cancelled dialog writes and marks nothing', async () => {
    const folder = tempDir();
    let answer: string | null = folder;
    const { client, core, close } = startTestCore(tempDir(), { shell: testShell({ servesDownloads: false, chooseExportFolder: async () => answer }) });
    const { admin } = await sessionsFor(client);
    await client.submitFeedback(validSubmission());

    answer = null;
    expect(await client.prepareExport({ session: admin, format: 'ndjson', destination: 'folder' })).toEqual({ outcome: 'cancelled' });
    expect(existsSync(join(folder, 'clinic-kiosk_kiosk-1_all.ndjson'))).toBe(false);
    expect([...core.feedback.store!.iterateFeedback({ onlyUnexported: true })]).toHaveLength(1);

    answer = folder;
    const saved = outcomeOf('saved', await client.prepareExport({ session: admin, format: 'ndjson', destination: 'folder' }));
    expect(saved).toEqual({
      outcome: 'saved',
      folder,
      fileName: 'clinic-kiosk_kiosk-1_all.ndjson',
      manifestFileName: 'clinic-kiosk_kiosk-1_all.ndjson.manifest.json',
      rows: 1,
      sha256: expect.any(String),
    });
    expect(sha256(readFileSync(join(folder, saved.fileName)))).toBe(saved.sha256);
    for (const name of [saved.fileName, saved.manifestFileName]) expect(statSync(join(folder, name)).mode & 0o777, name).toBe(0o600);
    expect(JSON.parse(readFileSync(join(folder, saved.manifestFileName), 'utf8')).rows).toBe(1);

    await expect(client.prepareExport({ session: admin, format: 'csv', destination: 'download' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'this shell cannot offer downloads',
    });
    close();
  });

  it('that cannot be written answers unavailable and marks nothing', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const { client, core, close } = startTestCore(tempDir(), { shell: testShell({ chooseExportFolder: async () => join(blocker, 'inside') }) });
    const { admin } = await sessionsFor(client);
    await client.submitFeedback(validSubmission());
    await expect(client.prepareExport({ session: admin, format: 'csv', destination: 'folder' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('ENOTDIR'),
    });
    expect([...core.feedback.store!.iterateFeedback({ onlyUnexported: true })]).toHaveLength(1);
    close();
  });
});

describe('the default time precision of exports', () => {
  it('rounds JSON and NDJSON times down to the hour when the request leaves it out, as the panel and the CLI do', async () => {
    const folder = tempDir();
    const { client, core, close } = startTestCore(tempDir(), { shell: testShell({ servesDownloads: false, chooseExportFolder: async () => folder }) });
    const { admin } = await sessionsFor(client);
    core.feedback.store!.submit(validSubmission(), { now: new Date('2026-11-02T09:41:27.512Z') });
    expect(COARSEN_EXPORTS_BY_DEFAULT).toBe(true);

    const json = outcomeOf('saved', await client.prepareExport({ session: admin, format: 'json', destination: 'folder' }));
    const ndjson = outcomeOf('saved', await client.prepareExport({ session: admin, format: 'ndjson', destination: 'folder' }));
    const rows = [
      JSON.parse(readFileSync(join(folder, json.fileName), 'utf8'))[0],
      JSON.parse(readFileSync(join(folder, ndjson.fileName), 'utf8').split('\n')[0]!),
    ];
    expect(rows.map((row) => row.created_at)).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
    for (const { manifestFileName } of [json, ndjson]) expect(JSON.parse(readFileSync(join(folder, manifestFileName), 'utf8')).coarsenedToHour).toBe(true);
    close();
  });
});
