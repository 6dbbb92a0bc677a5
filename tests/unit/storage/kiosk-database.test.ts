/**
 * The seams of the kiosk database: its repositories share one connection, so what one writes the
 * others see at once, and only another connection's commit moves the settings' version; a submit
 * is one transaction across both feedback tables. Real SQLite files in a temp folder.
 */
import Database from 'better-sqlite3';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { INCIDENT_KINDS } from '../../../electron/common/incidents.js';
import { IncidentLog } from '../../../electron/node-core/incidents.js';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { rowCounts, useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs('kiosk-database-');

describe('the kiosk database', () => {
  it('gives its repositories one connection: their own writes leave the settings version to settings', () => {
    const dataDir = tempDir();
    const database = new KioskDatabase({ dataDir, kioskId: 'k' });
    const before = database.settings.version();
    database.feedback.submit(validSubmission());
    database.incidents.record({ kind: 'config', message: 'noted' });
    // data_version moves only for other connections' commits: these two were on the same one.
    expect(database.settings.version()).toBe(before);
    database.settings.put({ a: 1 });
    const afterPut = database.settings.version();
    expect(afterPut).not.toBe(before);

    const other = new KioskDatabase({ dataDir, kioskId: 'k' });
    other.feedback.submit(validSubmission());
    other.close();
    expect(database.settings.version()).not.toBe(afterPut);
    expect(database.feedback.countTotal()).toBe(2);
    expect(database.settings.get('a', v.number())).toBe(1);
    database.close();
  });

  it('stores a submit whole or not at all: a topic answer that fails takes its feedback row with it', () => {
    const database = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    const raw = new Database(database.file);
    raw.exec(`CREATE TRIGGER refuse_topic BEFORE INSERT ON feedback_topics WHEN NEW.topic_id = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    raw.close();
    const submission = validSubmission({ topicHelpful: { summary: true, refused: false } });
    expect(() => database.feedback.submit(submission)).toThrow('refused');
    expect(database.feedback.getById(submission.id)).toBeUndefined();
    expect(rowCounts(database.file)).toEqual({ feedback: 0, topics: 0 });
    // The connection is still good for the next patient.
    expect(database.feedback.submit(validSubmission()).duplicate).toBe(false);
    database.close();
  });

  it('records incidents and lists them newest first', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k', now: () => new Date('2025-01-01T00:00:00.000Z') });
    store.incidents.record({ kind: 'config', message: 'first' });
    const second = store.incidents.record({ kind: 'config', message: 'second', detail: '{"a":1}' });
    expect(second).toEqual({ id: 2, at: '2025-01-01T00:00:00.000Z', kind: 'config', message: 'second', detail: '{"a":1}' });
    expect(store.incidents.list().map((i) => i.message)).toEqual(['second', 'first']);
    expect(store.incidents.list(1)).toHaveLength(1);
    store.close();
  });

  it('stores an incident of every kind the kiosk knows, exactly as the staff panel will read it', () => {
    const at = new Date('2026-11-29T09:00:00.000Z');
    const database = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k', now: () => at });
    for (const kind of INCIDENT_KINDS) database.incidents.record({ kind, message: `a ${kind} problem` });
    expect(database.incidents.list().reverse()).toEqual(
      INCIDENT_KINDS.map((kind, i) => ({ id: i + 1, at: at.toISOString(), kind, message: `a ${kind} problem`, detail: null })),
    );
    database.close();
  });

  it('stores an incident kept from before it opened at the time it happened, not when it is stored', () => {
    const log = new IncidentLog();
    log.record('content', 'The content pack could not be read.', 'pack.yaml: line 3', new Date('2026-11-29T08:00:00.000Z'));
    const database = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k', now: () => new Date('2026-11-29T09:30:00.000Z') });
    log.attach((incident) => database.incidents.record(incident));
    log.record('config', 'A later problem.', 'detail');
    const [later, kept] = database.incidents.list();
    expect(kept).toMatchObject({ at: '2026-11-29T08:00:00.000Z', kind: 'content', detail: 'pack.yaml: line 3' });
    expect(later!.kind).toBe('config');
    database.close();
  });

  it('closes once, and a second close is harmless', () => {
    const database = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    database.close();
    expect(() => database.close()).not.toThrow();
    expect(() => database.feedback.countTotal()).toThrow(/not open/);
  });
});
