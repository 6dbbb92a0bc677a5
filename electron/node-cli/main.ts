/**
 * `clinic-kiosk`: the kiosk's command line.
 *   serve             the browser shell without a window (prints "Kiosk ready at …")
 *   start             Electron where its binary exists, otherwise the browser shell in Chromium
 *   validate-content  checks a content pack (the bundled one by default)
 *   set-pin           sets the staff or admin PIN from standard input
 *   export            writes feedback to a CSV, JSON or NDJSON file with a manifest
 *   sync              one sync pass to the collector; set-sync-token stores its token
 *   collector         the clinic's central collector (PostgreSQL), a separate program
 */
import { parseArgs } from 'node:util';
import { PIN_DIGITS_TEXT } from '../common/rules.js';
import { bundledContentFile } from '../node-core/paths.js';
import { loadContentPack } from '../node-core/content/load-content.js';
import { runCollector } from './collector-command.js';
import { loadTranslations } from '../node-core/content/translations.js';
import { runServe, runStart } from './commands.js';
import { runExport, runSetPin } from './operator-commands.js';
import { runSetSyncToken, runSync } from './sync-commands.js';
import { UsageError } from './usage-error.js';

const USAGE = `Usage: clinic-kiosk <command> [options]

Commands:
  serve              Run the browser shell without opening a window.
  start              Run the kiosk: Electron if its binary is present, otherwise the browser shell.
  validate-content   Check a content pack file (default: the bundled pack) and its translations.
  set-pin staff|admin
                     Set a PIN, read as one line from standard input (${PIN_DIGITS_TEXT}), e.g.
                     echo 2468 | clinic-kiosk set-pin admin
                     Works when PINs are already set (the way back in) and lifts any lock-out.
  export --format csv|json|ndjson --out FILE [--since DATE] [--until DATE] [--unexported]
                     Write feedback to FILE and FILE.manifest.json (row count, SHA-256), and
                     mark those rows exported. DATEs are local days like 2026-11-29, both
                     included; --unexported takes only rows not exported before. CSV times
                     are rounded down to the hour.
  sync               Send unsynced feedback to the collector once and print what was sent
                     and acknowledged (the kiosk also syncs by itself in the background).
  set-sync-token     Store the collector token, read as one line from standard input.
  collector --database-url postgres://… --port N [--host H] [--tokens-file FILE]
                     Run the clinic's central collector. Tokens come from FILE,
                     COLLECTOR_TOKENS_FILE or COLLECTOR_TOKENS (JSON), never the command line;
                     the database URL may also come from COLLECTOR_DATABASE_URL.

Options:
  --port N           Port for the browser shell on 127.0.0.1 (env KIOSK_PORT; 0 picks a free one).
  --data-dir DIR     Where the database, settings and logs live (env KIOSK_DATA_DIR;
                     default: the per-user app-data folder).
  --shell NAME       With start: force "electron" or "browser".
  --dev              With start: the Electron shell keeps devtools and browser shortcuts and
                     leaves kiosk mode (for developers; never on a clinic machine).
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
      dev: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'tokens-file': { type: 'string' },
      host: { type: 'string' },
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
      return runStart({ ...common, shell: values.shell as 'electron' | 'browser' | undefined, dev: values.dev });
    case 'validate-content':
      return validateContent(rest[0] ?? bundledContentFile);
    case 'set-pin':
      return runSetPin(rest[0], values['data-dir']);
    case 'export':
      return runExport({ format: values.format, out: values.out, since: values.since, until: values.until, unexported: values.unexported }, values['data-dir']);
    case 'sync':
      return runSync(values['data-dir']);
    case 'set-sync-token':
      return runSetSyncToken(values['data-dir']);
    case 'collector':
      return runCollector({ databaseUrl: values['database-url'], port: common.port, host: values.host, tokensFile: values['tokens-file'] });
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
  const { pack } = result;
  process.stdout.write(`Content pack OK: ${file} (${pack.id} ${pack.version}, ${pack.locale}, ${pack.journey.length} topics)\n`);
  // Its translations, beside it, each with its UI words.
  const { found, problems } = loadTranslations(file, pack);
  for (const [locale, { content }] of found) {
    const review = content.translation?.clinicalReview === 'needed' ? ', needs clinical review' : '';
    process.stdout.write(`Translation OK: ${locale} (${content.version}${review})\n`);
  }
  for (const problem of problems) process.stderr.write(`Translation is invalid: ${problem.message}\n`);
  return problems.length === 0 ? 0 : 1;
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
