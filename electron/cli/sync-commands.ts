/**
 * `clinic-kiosk sync` (one pass, printing what was sent and acknowledged) and
 * `clinic-kiosk set-sync-token` (the token from standard input, like set-pin). Safe while the
 * kiosk runs: the collector ignores rows it already holds, so a pass racing the kiosk's own
 * background sync stores nothing twice.
 */
import { SYNC_TOKEN_MESSAGE, SYNC_TOKEN_PATTERN } from '../common/sync/protocol.js';
import { StaffAccess } from '../node/staff/staff-access.js';
import { SyncOutbox } from '../node/sync/outbox.js';
import { credentialsTokenStore } from '../node/sync/token-store.js';
import type { FeedbackStore } from '../node/storage/feedback-store.js';
import { readLine, withStore } from './operator-commands.js';

/** The data folder's outbox, with its token in the credentials file, as the kiosk itself has it. */
function withOutbox(dataDirFlag: string | undefined, work: (outbox: SyncOutbox, store: FeedbackStore) => Promise<number>): Promise<number> {
  return withStore(dataDirFlag, async ({ store, logger, settings, dataDir }) => {
    const access = new StaffAccess({ dataDir, logger });
    try {
      return await work(
        new SyncOutbox({ store: () => store, tokens: () => credentialsTokenStore(access.credentials(store)), settings, logger, now: () => new Date() }),
        store,
      );
    } finally {
      access.close();
    }
  });
}

export async function runSync(dataDirFlag: string | undefined): Promise<number> {
  return withOutbox(dataDirFlag, async (outbox, store) => {
    const result = (await outbox.syncNow())!;
    const status = outbox.status(store);
    process.stdout.write(`Sent ${result.sent} rows, acknowledged ${result.acknowledged}, set aside ${result.quarantined}.\n`);
    process.stdout.write(`Pending: ${status.pending}. Set aside in total: ${status.quarantined}.\n`);
    if (result.outcome === 'done') return 0;
    process.stderr.write(`clinic-kiosk: sync ${result.outcome === 'retry' ? 'stopped' : 'is not set up'}: ${result.message}\n`);
    return 1;
  });
}

export async function runSetSyncToken(dataDirFlag: string | undefined): Promise<number> {
  if (process.stdin.isTTY) process.stderr.write('Paste the sync token from the collector and press Enter: ');
  const token = await readLine(process.stdin);
  if (!token) {
    process.stderr.write('clinic-kiosk: no token was given on standard input.\n');
    return 1;
  }
  if (!SYNC_TOKEN_PATTERN.test(token)) {
    process.stderr.write(`clinic-kiosk: the token ${SYNC_TOKEN_MESSAGE}.\n`);
    return 1;
  }
  return withOutbox(dataDirFlag, async (outbox, store) => {
    outbox.setToken(store, token);
    process.stdout.write('The sync token is set.\n');
    return 0;
  });
}
