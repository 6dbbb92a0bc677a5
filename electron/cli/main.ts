/**
 * `clinic-kiosk`: the kiosk's command line.
 *   serve             the browser shell without a window (prints "Kiosk ready at …")
 *   start             Electron where its binary exists, otherwise the browser shell in Chromium
 *   validate-content  checks a content pack (the bundled one by default)
 */
import { parseArgs } from 'node:util';
import { bundledContentFile } from '../node/paths.js';
import { loadContentPack } from '../node/content/load-content.js';
import { runServe, runStart } from './commands.js';

const USAGE = `Usage: clinic-kiosk <command> [options]

Commands:
  serve              Run the browser shell without opening a window.
  start              Run the kiosk: Electron if its binary is present, otherwise the browser shell.
  validate-content   Check a content pack file (default: the bundled pack).

Options:
  --port N           Port for the browser shell on 127.0.0.1 (env KIOSK_PORT; 0 picks a free one).
  --data-dir DIR     Where the database, settings and logs live (env KIOSK_DATA_DIR;
                     default: the per-user app-data folder).
  --shell NAME       With start: force "electron" or "browser".
  -h, --help         Show this help.
`;

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      shell: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  const common = { port: parsePort(values.port ?? process.env.KIOSK_PORT ?? '0'), dataDir: values['data-dir'] };
  switch (command) {
    case 'serve':
      return runServe(common);
    case 'start':
      if (values.shell && values.shell !== 'electron' && values.shell !== 'browser') throw new UsageError('--shell must be "electron" or "browser"');
      return runStart({ ...common, shell: values.shell as 'electron' | 'browser' | undefined });
    case 'validate-content':
      return validateContent(rest[0] ?? bundledContentFile);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function validateContent(file: string): number {
  const result = loadContentPack(file);
  if (!result.ok) {
    process.stderr.write(`Content pack is invalid: ${result.error.message}\n`);
    return 1;
  }
  process.stdout.write(`Content pack OK: ${file} (${result.pack.id} ${result.pack.version}, ${result.pack.locale}, ${result.pack.journey.length} topics)\n`);
  return 0;
}

export class UsageError extends Error {}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`);
  return port;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`clinic-kiosk: ${(error as Error).message}\n${usage ? 'Run "clinic-kiosk --help" for usage.\n' : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
