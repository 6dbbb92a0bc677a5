import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINIC_NAME } from '../../../electron/common/config/schema.js';
import { useTestCores } from '../fixtures/core.js';

const { startCore, tempDir: freshDataDir } = useTestCores('kiosk-config-');
const start = (dataDir: string) => startCore(dataDir).core;

describe('kiosk configuration', () => {
  it('runs on embedded defaults without a config file', async () => {
    const core = start(freshDataDir());
    const { clinic, content } = await core.api.getBootstrap({});
    expect(clinic).toEqual({ name: DEFAULT_CLINIC_NAME, accentColor: '#2f6f73', logoDataUrl: null });
    expect(JSON.stringify(content)).toContain(`At ${DEFAULT_CLINIC_NAME}, we follow strict protocols`);
    expect(core.incidents.list()).toEqual([]);
  });

  it('takes the clinic name, accent colour and logo from the config file', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({ kioskId: 'lobby-2', clinic: { name: 'Lakeside Clinic', accentColor: '#7a3e9d', logoFile: 'logo.svg' } }),
    );
    const core = start(dataDir);
    const { clinic, content } = await core.api.getBootstrap({});
    expect(core.config.kioskId).toBe('lobby-2');
    expect(clinic.name).toBe('Lakeside Clinic');
    expect(clinic.accentColor).toBe('#7a3e9d');
    expect(clinic.logoDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(JSON.stringify(content)).toContain('At Lakeside Clinic, we follow strict protocols');
  });

  it('falls back to defaults on a broken config file and records why', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ clinic: { accentColor: 'teal' } }));
    const core = start(dataDir);
    expect((await core.api.getBootstrap({})).clinic.accentColor).toBe('#2f6f73');
    expect(core.incidents.list()).toMatchObject([{ kind: 'config', detail: expect.stringContaining('clinic.accentColor: must be a colour') }]);
  });

  it('uses a configured content pack, and the bundled one when that pack is broken', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'broken.yaml'), 'id: x\n');
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ contentFile: 'broken.yaml' }));
    const core = start(dataDir);
    expect((await core.api.getBootstrap({})).content.id).toBe('ketamine-addiction');
    expect(core.incidents.list()).toMatchObject([{ kind: 'content', detail: expect.stringContaining(join(dataDir, 'broken.yaml')) }]);
  });

  it('takes the idle timeout and the partial-feedback switch, within their limits', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ idleTimeoutSeconds: 30, keepPartialFeedback: true }));
    expect((await start(dataDir).api.getBootstrap({})).session).toEqual({ idleTimeoutSeconds: 30, idleWarningSeconds: 20, keepPartialFeedback: true });
    const tooShort = freshDataDir();
    writeFileSync(join(tooShort, 'config.json'), JSON.stringify({ idleTimeoutSeconds: 4 }));
    const core = start(tooShort);
    expect((await core.api.getBootstrap({})).session.idleTimeoutSeconds).toBe(90);
    expect(core.incidents.list()).toMatchObject([{ kind: 'config', detail: expect.stringContaining('idleTimeoutSeconds: must be at least 5 seconds') }]);
  });
});
