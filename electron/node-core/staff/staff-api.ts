/**
 * The staff and admin half of the KioskApi. Every method but the PIN ones starts by checking the
 * session's role; every database touch goes through FeedbackService.use, so a failing disk
 * answers `unavailable` like a failed submit does.
 */
import type { KioskApi } from '../../common/api/contract.js';
import type { ContentPack } from '../../common/content/schema.js';
import type { Exporter } from '../export/exporter.js';
import type { FeedbackService } from '../feedback-service.js';
import type { KioskSettings } from '../kiosk-settings.js';
import type { Logger } from '../log/logger.js';
import type { ShellCapabilities } from '../shell.js';
import { readLastSync, type SyncOutbox } from '../sync/outbox.js';
import { toDashboard } from './dashboard.js';
import { applyRetention } from './retention.js';
import type { StaffSessions } from './sessions.js';
import type { StaffAccess } from './staff-access.js';

export type StaffApi = Omit<KioskApi, 'getBootstrap' | 'getLocale' | 'submitFeedback'>;

export interface StaffApiParts {
  feedback: FeedbackService;
  settings: KioskSettings;
  access: StaffAccess;
  sessions: StaffSessions;
  exporter: Exporter;
  sync: SyncOutbox;
  content: ContentPack;
  shell: ShellCapabilities;
  logger: Logger;
  now: () => Date;
}

export function createStaffApi({ feedback, settings, access, sessions, exporter, sync, content, shell, logger, now }: StaffApiParts): StaffApi {
  return {
    async getStaffSetup() {
      return feedback.use((database) => access.setup(database));
    },

    async setupPins({ staffPin, adminPin }) {
      await feedback.use((database) => access.setupPins(database, { staff: staffPin, admin: adminPin }));
      return { done: true };
    },

    async unlockStaff({ pin }) {
      const result = await feedback.use((database) => access.check(database, pin));
      return result.outcome === 'unlocked' ? { ...result, session: sessions.open(result.role) } : result;
    },

    async lockStaff({ session }) {
      sessions.end(session);
      return { done: true };
    },

    async getStaffStatus({ session }) {
      const { role } = sessions.authorize(session, 'staff');
      return feedback.use((database) => ({
        role,
        kioskId: settings.current(database.settings).kioskId,
        feedbackToday: database.feedback.countToday(),
        feedbackTotal: database.feedback.countTotal(),
        unsynced: database.feedback.countUnsynced(),
        lastSyncAt: readLastSync(database.settings).lastSyncAt,
        content: { id: content.id, version: content.version, locale: content.locale },
        // The database keeps every incident: its own (a quarantined file) and those IncidentLog hands it.
        incidents: database.incidents.list().map(({ at, kind, message }) => ({ at, kind, message })),
      }));
    },

    async getDashboard({ session }) {
      sessions.authorize(session, 'admin');
      return feedback.use((database) => toDashboard(database.feedback.dashboard(), content));
    },

    async getSettings({ session }) {
      sessions.authorize(session, 'admin');
      return feedback.use((database) => settings.current(database.settings));
    },

    async updateSettings({ session, settings: next }) {
      sessions.authorize(session, 'admin');
      const saved = await feedback.use((database) => settings.save(database.settings, next));
      logger.info({ event: 'settings', settings: saved }, 'settings changed by an admin');
      // A new sync address is tried soon, not at the next 5-minute round.
      sync.notify();
      return saved;
    },

    async runRetention({ session }) {
      sessions.authorize(session, 'admin');
      return feedback.use((database) => ({ deleted: applyRetention(database.feedback, settings.current(database.settings), now(), logger) }));
    },

    async prepareExport(request) {
      sessions.authorize(request.session, 'admin');
      return feedback.use(
        (database) => exporter.prepare(database.feedback, settings.current(database.settings).kioskId, request),
        'the feedback could not be read for export',
      );
    },

    async getSyncStatus({ session }) {
      sessions.authorize(session, 'admin');
      return feedback.use((database) => sync.status(database));
    },

    async syncNow({ session }) {
      sessions.authorize(session, 'admin');
      const result = await sync.syncNow();
      return feedback.use((database) => ({
        outcome: result?.outcome ?? 'retry',
        sent: result?.sent ?? 0,
        acknowledged: result?.acknowledged ?? 0,
        quarantined: result?.quarantined ?? 0,
        message: result && 'message' in result ? result.message : null,
        status: sync.status(database),
      }));
    },

    async setSyncToken({ session, token }) {
      sessions.authorize(session, 'admin');
      await feedback.use((database) => sync.setToken(database, token));
      return { done: true };
    },

    async quitKiosk({ session }) {
      sessions.authorize(session, 'admin');
      logger.info({ event: 'quit' }, 'an admin quit the kiosk');
      // After this answer has gone back through the transport, not before.
      setImmediate(() => shell.quit());
      return { done: true };
    },
  };
}
