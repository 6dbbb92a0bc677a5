/** Where things live on disk: the app's own files and the per-user data folder. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Clinic Kiosk';

/**
 * The package root (where package.json, content/ and dist/ are). Found by walking up, because this
 * module runs from electron/node-core in tests and from dist/electron/node-core (or an asar) in production.
 */
export const appRoot: string = findAppRoot(dirname(fileURLToPath(import.meta.url)));

function findAppRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'clinic-kiosk') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the clinic-kiosk package root above ${start}`);
  }
}

export const bundledContentDir = join(appRoot, 'content');
export const bundledContentFile = join(bundledContentDir, 'ketamine-addiction.en.yaml');
export const rendererDir = join(appRoot, 'dist', 'renderer');

/**
 * The OS's per-user app-data folder, the same one Electron's `app.getPath('userData')` uses,
 * so both shells share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export function resolveDataDir(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(explicit ?? env.KIOSK_DATA_DIR ?? defaultDataDir(env));
}
