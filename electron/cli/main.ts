/**
 * `clinic-kiosk`: the kiosk's command line.
 *   serve             the browser shell without a window (prints "Kiosk ready at …")
 *   start             Electron where its binary exists, otherwise the browser shell in Chromium
 *   validate-content  checks a content pack (the bundled one by default)
 *   set-pin           sets the staff or admin PIN from standard input
 *   export            writes feedback to a CSV, JSON or NDJSON file with a manifest
 */
import { parseArgs } from 'node:util';
import { PIN_DIGITS_TEXT } from '../common/rules.js';
import { bundledContentFile } from '../node/paths.js';
import { loadContentPack } from '../node/content/load-content.js';
import { runServe, runStart } from './commands.js';
import { runExport, runSetPin } from './operator-commands.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: clinic-kiosk <command> [options]

Commands:
  serve              Run the browser shell without opening a window.
  start              Run the kiosk: Electron if its binary is present, otherwise the browser shell.
  validate-content   Check a content pack file (default: the bundled pack).
  set-pin staff|admin
                     Set a PIN, read as one line from standard input (${PIN_DIGITS_TEXT}), e.g.
                     echo 2468 | clinic-kiosk set-pin admin
                     Works when PINs are already set (the way back in) and lifts any lock-out.
  export --format csv|json|ndjson --out FILE [--since DATE] [--until DATE] [--unexported]
                     Write feedback to FILE and FILE.manifest.json (row count, SHA-256), and
                     mark those rows exported. DATEs are local days like 2026-11-29, both
                     included; --unexported takes only rows not exported before. CSV times
                     are rounded down to the hour.

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
      format: { type: 'string' },
      out: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      unexported: { type: 'boolean', default: false },
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
    case 'set-pin':
      return runSetPin(rest[0], values['data-dir']);
    case 'export':
      return runExport({ format: values.format, out: values.out, since: values.since, until: values.until, unexported: values.unexported }, values['data-dir']);
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

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`);
  return port;
}

let settled = false;
// A one-shot command whose work stopped without an answer must not look like a success.
process.once('beforeExit', () => {
  if (settled) return;
  process.stderr.write('clinic-kiosk: the command stopped before it finished.\n');
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`clinic-kiosk: ${(error as Error).message}\n${usage ? 'Run "clinic-kiosk --help" for usage.\n' : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
