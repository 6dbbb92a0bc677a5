/**
 * The Electron transport's checks, under plain Node. The Electron binary cannot exist here, so the
 * IPC event is a plain object with the two fields the handler reads (sender, senderFrame.url);
 * everything behind it (dispatch, validation, the core with a real SQLite file) is real.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIpcHandler } from '../../../electron/electron-main/ipc-handler.js';
import { startKioskCore } from '../../../electron/node-core/kiosk-core.js';
import { silentLogger } from '../../../electron/node-core/log/logger.js';
import { validSubmission } from '../fixtures/feedback.js';
import { testCoreOptions } from '../fixtures/core.js';
import { testShell } from '../fixtures/shell.js';

const core = startKioskCore(testCoreOptions(mkdtempSync(join(tmpdir(), 'kiosk-ipc-')), { shell: testShell({ servesDownloads: false }) }));
afterAll(() => core.close());

const kioskWindow = { id: 'the kiosk window' };
const submit = createIpcHandler(core.api, 'submitFeedback', (sender) => sender === kioskWindow, silentLogger());
const fromKiosk = { sender: kioskWindow, senderFrame: { url: 'app://kiosk/index.html' } };

describe('the IPC transport', () => {
  it('stores a valid feedback sent by the kiosk page', async () => {
    const feedback = validSubmission();
    expect(await submit(fromKiosk, feedback)).toEqual({ ok: true, value: { id: feedback.id, duplicate: false } });
    expect(core.feedback.database!.feedback.getById(feedback.id)).toBeDefined();
  });

  it('validates input with the same schema as HTTP', async () => {
    const result = await submit(fromKiosk, { ...validSubmission(), worryBefore: 9 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'worryBefore' } });
  });

  it('refuses other windows and other pages, and stores nothing for them', async () => {
    const before = core.feedback.database!.feedback.countTotal();
    for (const event of [
      { sender: { id: 'another window' }, senderFrame: { url: 'app://kiosk/index.html' } },
      { sender: kioskWindow, senderFrame: { url: 'https://example.org/' } },
      { sender: kioskWindow, senderFrame: { url: 'app://kiosk.evil/index.html' } },
      { sender: kioskWindow, senderFrame: null },
    ]) {
      expect(await submit(event, validSubmission())).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(core.feedback.database!.feedback.countTotal()).toBe(before);
  });
});
