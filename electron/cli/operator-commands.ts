/**
 * One-shot commands for whoever looks after the kiosk machine: `set-pin` (also the way back in
 * after a forgotten PIN or a lock-out) and `export`. They open the same database as the running
 * kiosk, which is safe: SQLite in WAL mode lets both work at once.
 */
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { ApiError } from '../common/api/errors.js';
import { EXPORT_FORMATS, ExportRangeSchema, type ExportFormat, type StaffRole } from '../common/api/staff.js';
import { PIN_DIGITS_TEXT, PIN_PATTERN } from '../common/rules.js';
import { describeFieldError, firstFieldError } from '../common/validation.js';
import { configFilePath, loadConfig, type LoadedConfig } from '../node/config/load-config.js';
import { configuredContentPack } from '../node/content/choose-content.js';
import { IncidentLog } from '../node/incidents.js';
import { COARSEN_EXPORTS_BY_DEFAULT } from '../common/feedback/time-precision.js';
import { exportFeedback } from '../node/export/write-export.js';
import { KioskSettings } from '../node/kiosk-settings.js';
import { createLogger } from '../node/log/logger.js';
import { resolveDataDir } from '../node/paths.js';
import { StaffAccess } from '../node/staff/staff-access.js';
import { openFeedbackStore, type FeedbackStore } from '../node/storage/feedback-store.js';
import { UsageError } from './usage-error.js';

export interface ExportCommandOptions {
  format: string | undefined;
  out: string | undefined;
  since: string | undefined;
  until: string | undefined;
  unexported: boolean;
}

/** Reads the PIN as one line from standard input (a pipe, or typed at a terminal). */
export async function runSetPin(role: string | undefined, dataDirFlag: string | undefined): Promise<number> {
  if (role !== 'staff' && role !== 'admin') throw new UsageError('set-pin needs the role: "set-pin staff" or "set-pin admin"');
  if (process.stdin.isTTY) process.stderr.write(`Type the new ${role} PIN (${PIN_DIGITS_TEXT}) and press Enter: `);
  const pin = await readLine(process.stdin);
  if (pin === null || pin === '') {
    process.stderr.write('clinic-kiosk: no PIN was given on standard input.\n');
    return 1;
  }
  if (!PIN_PATTERN.test(pin)) {
    process.stderr.write(`clinic-kiosk: the PIN must be ${PIN_DIGITS_TEXT} (0-9), nothing else.\n`);
    return 1;
  }
  return withStore(dataDirFlag, async ({ store, logger, dataDir }) => {
    const access = new StaffAccess({ dataDir, logger });
    try {
      await access.setPin(store, role as StaffRole, pin);
    } finally {
      access.close();
    }
    process.stdout.write(`The ${role} PIN is set. Any PIN lock-out has been lifted.\n`);
    return 0;
  });
}

export async function runExport(options: ExportCommandOptions, dataDirFlag: string | undefined): Promise<number> {
  if (!EXPORT_FORMATS.includes(options.format as ExportFormat)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!options.out) throw new UsageError('--out FILE is required');
  const range = v.safeParse(ExportRangeSchema, { since: options.since, until: options.until });
  if (!range.success) throw new UsageError(`--${describeFieldError(firstFieldError(range.issues))}`);
  const format = options.format as ExportFormat;
  const file = resolve(options.out);
  return withStore(dataDirFlag, async ({ store, logger, settings, config }) => {
    const kioskId = settings.current(store).kioskId;
    // The running kiosk records any content problem; here it only picks the same pack's topics.
    const topics = configuredContentPack(config, new IncidentLog(), logger).pack.journey;
    const written = await exportFeedback(
      store,
      { format, ...range.output, onlyUnexported: options.unexported, coarsenToHour: COARSEN_EXPORTS_BY_DEFAULT },
      file,
      { kioskId, now: () => new Date(), topics },
    );
    logger.info({ event: 'export', outcome: 'written', file, rows: written.rows, format }, 'feedback exported from the command line');
    process.stdout.write(
      `Exported ${written.rows} ${written.rows === 1 ? 'row' : 'rows'} to ${written.file}\nSHA-256: ${written.sha256}\nManifest: ${written.manifestFile}\n`,
    );
    return 0;
  });
}

/** Opens the kiosk's database and settings for one command, and closes them after. */
export async function withStore(
  dataDirFlag: string | undefined,
  work: (opened: {
    store: FeedbackStore;
    logger: ReturnType<typeof createLogger>;
    settings: KioskSettings;
    config: LoadedConfig;
    dataDir: string;
  }) => Promise<number>,
): Promise<number> {
  const dataDir = resolveDataDir(dataDirFlag);
  const logger = createLogger(dataDir);
  const config = loadConfig(configFilePath(dataDir));
  const settings = new KioskSettings(config.config, logger);
  const store = openFeedbackStore({ dataDir, kioskId: settings.defaults().kioskId, logger });
  try {
    return await work({ store, logger, settings, config, dataDir });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    process.stderr.write(`clinic-kiosk: ${error.message}\n`);
    return 1;
  } finally {
    store.close();
    logger.flush();
  }
}

/** The first line of `input`, without its line ending; null at once-empty input. */
export async function readLine(input: NodeJS.ReadStream): Promise<string | null> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line.trim();
    return null;
  } finally {
    lines.close();
    // A pipe that keeps sending (e.g. `yes 1234 |`) must not keep the command alive.
    input.destroy();
  }
}
