/**
 * Fixtures for the end-to-end tests.
 *
 * - `server` (one per worker): the real browser shell, started the way a clinic starts it —
 *   `node bin/clinic-kiosk.js serve --port 0 --data-dir <fresh temp dir>` — and stopped (and its
 *   data folder deleted) when the worker ends. The token URL is read from the CLI's own output.
 * - `kiosk` (one per test): a page opened at the token URL, with the welcome screen's Start button
 *   visible. A test fails if the page throws or logs a console error.
 *
 * The expected content always comes from the content pack YAML, so editing the wording in
 * content/ does not break the tests, while a UI that drops content does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_CLINIC_NAME } from '../../electron/common/config/schema.js';

export { expect };

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const contentPackFile = join(repoRoot, 'content', 'ketamine-addiction.en.yaml');
const cliEntry = join(repoRoot, 'bin', 'clinic-kiosk.js');

/** How long the CLI may take to print its ready lines (a cold start on a busy 2-core machine). */
const SERVER_READY_TIMEOUT_MS = 20_000;
const SERVER_STOP_TIMEOUT_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// The content pack, as the tests expect to see it

export type PointTone = 'reassure' | 'note' | 'caution' | 'check';

/** The pack's YAML as written (optional lists may be absent). */
export interface PackYaml {
  id: string;
  version: string;
  locale: string;
  title: string;
  journey: string[];
  summary: { id: 'summary'; title: string; paragraphs: string[] };
  sections: { id: string; title: string; paragraphs: string[]; points?: { tone: PointTone; text: string }[]; after?: string[] }[];
  comparison: {
    id: 'comparison';
    title: string;
    intro: string;
    columns: { factor: string; medical: string; recreational: string };
    rows: { id: string; factor: string; medical: string; recreational: string }[];
    conclusion: string;
  };
  faq: { id: 'faq'; title: string; items: { id: string; question: string; answer: string }[] };
  closing: { title: string; paragraphs: string[] };
  disclaimer: { title: string; text: string };
}

/** One screen of the walk-through, resolved independently of the app's own code. */
export interface ExpectedTopic {
  id: string;
  kind: 'summary' | 'section' | 'comparison' | 'faq';
  title: string;
  /** Every piece of body text the screen must show (comparison rows and FAQ answers are checked separately). */
  texts: string[];
}

export interface ContentPackFixture {
  /** The pack with `{clinic}` replaced by the clinic name, as the kiosk shows it. */
  pack: PackYaml;
  topics: ExpectedTopic[];
  clinicName: string;
}

/**
 * Reads the bundled content pack and resolves its journey. The test server runs on a fresh data
 * folder with no config file, so the kiosk uses the default clinic name for `{clinic}`.
 */
export function readContentPack(file = contentPackFile, clinicName = DEFAULT_CLINIC_NAME): ContentPackFixture {
  const raw = parseYaml(readFileSync(file, 'utf8')) as PackYaml;
  const pack = JSON.parse(JSON.stringify(raw), (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('{clinic}', clinicName).trim() : value,
  ) as PackYaml;
  const topics = pack.journey.map((id): ExpectedTopic => {
    if (id === 'summary') return { id, kind: 'summary', title: pack.summary.title, texts: pack.summary.paragraphs };
    if (id === 'comparison') return { id, kind: 'comparison', title: pack.comparison.title, texts: [pack.comparison.intro, pack.comparison.conclusion] };
    if (id === 'faq') return { id, kind: 'faq', title: pack.faq.title, texts: pack.faq.items.map((item) => item.question) };
    const section = pack.sections.find((s) => s.id === id);
    if (!section) throw new Error(`${file}: the journey lists "${id}", which the pack does not define`);
    const texts = [...section.paragraphs, ...(section.points ?? []).map((point) => point.text), ...(section.after ?? [])];
    return { id, kind: 'section', title: section.title, texts };
  });
  return { pack, topics, clinicName };
}

/** All the text a topic holds, FAQ answers and table cells included: a rough measure of its length. */
export function topicTextLength(pack: PackYaml, topic: ExpectedTopic): number {
  if (topic.kind === 'comparison') {
    const { columns, rows } = pack.comparison;
    return [...topic.texts, ...Object.values(columns), ...rows.flatMap((r) => [r.factor, r.medical, r.recreational])].join(' ').length;
  }
  if (topic.kind === 'faq') return pack.faq.items.map((item) => `${item.question} ${item.answer}`).join(' ').length;
  return topic.texts.join(' ').length;
}

// ---------------------------------------------------------------------------------------------
// The kiosk's screens, found the way a patient (or a screen reader) finds them

const readJson = (...path: string[]) => JSON.parse(readFileSync(resolve(repoRoot, ...path), 'utf8')) as Record<string, string>;
/** The UI's English strings: the patient's (renderer/src/lib/i18n/en.json) and the staff panel's. */
const english = { ...readJson('renderer', 'src', 'lib', 'i18n', 'en.json'), ...readJson('renderer', 'src', 'staff', 'strings.en.json') };

/**
 * A strings lookup for one language, with `{{name}}` filled in: English, or the UI words of
 * another language (`ui.<locale>.json` in the content folder). Plural keys are named in full (`…_other`).
 */
export function stringsFor(locale: string, contentDir = join(repoRoot, 'content')): (key: string, values?: Record<string, string | number>) => string {
  const strings = locale === 'en' ? english : readJson(contentDir, `ui.${locale}.json`);
  return (key, values = {}) => {
    const text = strings[key];
    if (text === undefined) throw new Error(`the ${locale} strings have no "${key}"`);
    return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? `{{${name}}}`));
  };
}
export const t = stringsFor('en');

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** The kiosk's controls, found by their names in one language. */
export function uiIn(t: (key: string, values?: Record<string, string | number>) => string) {
  const bottomNav = (page: Page) => page.getByRole('navigation', { name: t('nav.label') });
  return {
    start: (page: Page) => button(page, t('welcome.start')),
    skip: (page: Page) => button(page.getByRole('main'), t('question.skip')),
    worryQuestion: (page: Page) => page.getByRole('main').getByRole('group', { name: t('worry.question') }),
    bottomNav,
    next: (page: Page) => button(bottomNav(page), t('nav.next')),
    finish: (page: Page) => button(bottomNav(page), t('nav.finish')),
    back: (page: Page) => button(bottomNav(page), t('nav.back')),
    allTopics: (page: Page) => button(page.getByRole('banner'), t('topbar.topics')),
    startOver: (page: Page) => button(page.getByRole('banner'), t('topbar.startOver')),
    textSize: (page: Page) => page.getByRole('banner').getByRole('button', { name: new RegExp(`^${t('topbar.textSize')}: `) }),
    disclaimerButton: (page: Page) => button(page, t('disclaimer.open')),
    backToStart: (page: Page) => button(page.getByRole('main'), t('closing.done')),
    shareFeedback: (page: Page) => button(bottomNav(page), t('closing.feedback')),
    dialog: (page: Page, name: string) => page.getByRole('dialog', { name, exact: true }),
    topicList: (page: Page) => page.getByRole('dialog', { name: t('topics.title'), exact: true }),
    close: (dialog: Locator) => button(dialog, t('dialog.close')),
    heading: (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 }),
    /** The on-screen keyboard (in the page, or inside a dialog such as the staff panel). */
    keyboard: (scope: Page | Locator) => scope.getByRole('group', { name: t('keyboard.label'), exact: true }),
    key: (scope: Page | Locator, name: string) => button(scope.getByRole('group', { name: t('keyboard.label'), exact: true }), name),
    progress: (page: Page, current: number, total: number) => page.getByRole('main').getByText(t('progress', { current, total }), { exact: true }),
    /** Any "N of M" topic progress line. */
    anyProgress: (page: Page) => page.getByRole('main').getByText(new RegExp(`^${t('progress').replace(/\{\{\w+\}\}/g, '\\d+')}$`)),
    /** A language on the top bar's switch, by its name in itself ("English", "Español"). */
    language: (page: Page, name: string) => button(page.getByRole('banner'), name),
  };
}
export type Ui = ReturnType<typeof uiIn>;
export const ui = uiIn(t);

/** One language as a test sees it: its strings, its controls and its content pack. */
export interface TestLanguage {
  locale: string;
  /** Its name on the language switch. */
  name: string;
  t: (key: string, values?: Record<string, string | number>) => string;
  ui: Ui;
  content: ContentPackFixture;
}

export function testLanguage(locale: 'en' | 'es'): TestLanguage {
  const strings = stringsFor(locale);
  const name = { en: 'English', es: 'Español' }[locale];
  return { locale, name, t: strings, ui: uiIn(strings), content: readContentPack(join(repoRoot, 'content', `ketamine-addiction.${locale}.yaml`)) };
}
export const LANGUAGES = [testLanguage('en'), testLanguage('es')] as const;

/** Checks that the page shows topic `index` (0-based) of the expected journey. */
export async function expectTopic(page: Page, topics: readonly ExpectedTopic[], index: number, { ui } = { ui: uiIn(t) }): Promise<void> {
  const topic = topics[index]!;
  await expect(ui.heading(page), `topic ${index + 1} (${topic.id}) heading`).toHaveText(topic.title);
  await expect(ui.progress(page, index + 1, topics.length)).toBeVisible();
}

/** Checks that the page shows the welcome screen. */
export async function expectWelcome(page: Page, pack: PackYaml, { ui } = { ui: uiIn(t) }): Promise<void> {
  await expect(ui.heading(page)).toHaveText(pack.title);
  await expect(ui.start(page)).toBeVisible();
  await expect(ui.anyProgress(page)).toHaveCount(0);
  await expect(ui.bottomNav(page)).toHaveCount(0);
}

/** Checks that the page shows the worry question that comes between Start and the first topic. */
export async function expectWorryQuestion(page: Page, { ui } = { ui: uiIn(t) }): Promise<void> {
  await expect(ui.worryQuestion(page)).toBeVisible();
  await expect(ui.skip(page)).toBeVisible();
  await expect(ui.anyProgress(page)).toHaveCount(0);
}

/** From the welcome screen: Start, skip the (optional) worry question, arrive at topic 1. */
export async function beginTopics(page: Page, topics: readonly ExpectedTopic[], language = { ui: uiIn(t) }): Promise<void> {
  await language.ui.start(page).click();
  await expectWorryQuestion(page, language);
  await language.ui.skip(page).click();
  await expectTopic(page, topics, 0, language);
}

/** From the welcome screen: begin, then use the jump list to go to topic `index` (0-based). */
export async function openTopic(page: Page, topics: readonly ExpectedTopic[], index: number): Promise<void> {
  await beginTopics(page, topics);
  if (index > 0) {
    await ui.allTopics(page).click();
    const list = ui.topicList(page);
    await list.getByRole('button', { name: topics[index]!.title }).click();
    await expect(list).toBeHidden();
    await expectTopic(page, topics, index);
  }
}

/** The kiosk's two screens: landscape 1920×1080 and portrait 1080×1920. */
export const ORIENTATIONS = [
  { name: 'landscape', viewport: { width: 1920, height: 1080 } },
  { name: 'portrait', viewport: { width: 1080, height: 1920 } },
] as const;

/** From the last topic: Finish, the summary screen, then "Share feedback" to the first feedback question. */
export async function toFeedback(page: Page, { ui } = { ui: uiIn(t) }): Promise<void> {
  await ui.finish(page).click();
  await expect(ui.heading(page)).toHaveText(/./);
  await ui.shareFeedback(page).click();
}

/** From the welcome screen to the comment box, skipping every question; returns the box. Pass a
 *  language (its `t` and `ui`) when the kiosk already shows another one. */
export async function openCommentBox(page: Page, { topics }: ContentPackFixture, language: Pick<TestLanguage, 't' | 'ui'> = { t, ui }): Promise<Locator> {
  const { t, ui } = language;
  await ui.start(page).click();
  await ui.skip(page).click();
  for (let index = 0; index < topics.length - 1; index++) await ui.next(page).click();
  await toFeedback(page, language);
  for (let question = 0; question < 3; question++) await ui.skip(page).click();
  return page.getByRole('main').getByRole('textbox', { name: t('comment.label') });
}

/** Waits until no finite CSS animation or transition is running (the on-screen keyboard rises for 160 ms). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity),
  );
}

// ---------------------------------------------------------------------------------------------
// The server and the page

export interface KioskServer {
  /** `http://127.0.0.1:PORT/` as the CLI printed it. */
  origin: string;
  /** The origin plus `#token=…`. */
  kioskUrl: string;
  token: string;
  dataDir: string;
  /** The child's exit code, or null while it runs. */
  exitCode(): number | null;
  /** Everything the CLI wrote, for diagnostics. */
  output(): string;
}

export async function startKioskServer(dataDir: string): Promise<{ server: KioskServer; child: ChildProcess }> {
  if (!existsSync(join(repoRoot, 'dist', 'electron', 'node-cli', 'main.js')) || !existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The kiosk is not built: run "node scripts/build.mjs" (or "npm run build") before the end-to-end tests.');
  }
  const env = { ...process.env };
  // The server must use exactly the temp data folder and no config file from the developer's machine.
  delete env.KIOSK_PORT;
  delete env.KIOSK_DATA_DIR;
  delete env.KIOSK_CONFIG;
  const child = spawn(process.execPath, [cliEntry, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const urls = await new Promise<{ origin: string; kioskUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not print its ready lines within ${SERVER_READY_TIMEOUT_MS} ms`), SERVER_READY_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (code ${code}, signal ${signal})`);
    const onError = (error: Error) => fail(`could not be started: ${error.message}`);
    function fail(why: string) {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`clinic-kiosk serve ${why}. Its output:\n${output}`));
    }
    function cleanup() {
      clearTimeout(timer);
      child.stdout!.off('data', check);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    function check() {
      const ready = /^Kiosk ready at ((http:\/\/127\.0\.0\.1:\d+\/)#token=\S+)$/m.exec(output);
      if (ready) {
        cleanup();
        resolve({ origin: ready[2]!, kioskUrl: ready[1]! });
      }
    }
    child.stdout!.on('data', check);
    child.once('exit', onExit);
    child.once('error', onError);
    check();
  });

  const token = new URLSearchParams(new URL(urls.kioskUrl).hash.slice(1)).get('token') ?? '';
  if (!urls.kioskUrl.startsWith(urls.origin) || token === '') throw new Error(`unexpected token link from the CLI: ${urls.kioskUrl}`);
  return {
    child,
    server: { ...urls, token, dataDir, exitCode: () => child.exitCode ?? (child.signalCode ? -1 : null), output: () => output },
  };
}

export async function stopKioskServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), SERVER_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<
  { kiosk: Page; content: ContentPackFixture; allowedConsoleErrors: RegExp[] },
  { server: KioskServer; kioskConfig: object | null }
>({
  /** A config.json for the worker's kiosk (e.g. a short idle timeout); null runs on the embedded defaults. */
  kioskConfig: [null, { option: true, scope: 'worker' }],

  /** Console errors a test provokes on purpose (e.g. Chromium's own line for a 503 it caused). */
  allowedConsoleErrors: [[], { option: true }],

  server: [
    async ({ kioskConfig }, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'clinic-kiosk-e2e-'));
      if (kioskConfig) writeFileSync(join(dataDir, 'config.json'), JSON.stringify(kioskConfig));
      try {
        const { server, child } = await startKioskServer(dataDir);
        try {
          await use(server);
          // A server that died during the tests is a failure even if every test passed.
          expect(server.exitCode(), `the kiosk server stopped during the tests. Its output:\n${server.output()}`).toBeNull();
        } finally {
          await stopKioskServer(child);
        }
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none
  content: async ({}, use) => {
    await use(readContentPack());
  },

  kiosk: async ({ page, server, allowedConsoleErrors }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const allowed = allowedConsoleErrors.some((pattern) => pattern.test(message.text()));
      if (message.type() === 'error' && !allowed) problems.push(`console error: ${message.text()}`);
    });
    await page.goto(server.kioskUrl);
    await expect(ui.start(page)).toBeVisible();
    await use(page);
    expect(problems, 'the page threw or logged errors').toEqual([]);
  },
});
