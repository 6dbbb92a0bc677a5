/**
 * Read aloud. No voice exists on the test machine, so a fake `speechSynthesis` (and utterance
 * class) is put in the page before the kiosk loads: it records what is spoken and lets the test
 * end each utterance. Everything else is the real kiosk in real Chromium.
 */
import type { Page } from '@playwright/test';
import { beginTopics, expect, expectTopic, LANGUAGES, t, test, ui } from './fixtures.js';

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
}

declare global {
  interface Window {
    fakeSpeech: {
      spoken: { text: string; lang: string; voice: string | undefined }[];
      cancels: number;
      setVoices(voices: FakeVoice[]): void;
      finishCurrent(): void;
    };
  }
}

/** Runs in the page before any of its scripts. */
function installFakeSpeech(initialVoices: FakeVoice[]) {
  let voices = initialVoices;
  const queue: EventTarget[] = [];
  class FakeUtterance extends EventTarget {
    lang = '';
    voice: FakeVoice | null = null;
    constructor(public text: string) {
      super();
    }
  }
  class FakeSynthesis extends EventTarget {
    getVoices = () => voices.map((voice) => ({ ...voice, default: false, voiceURI: voice.name }));
    speak(utterance: FakeUtterance) {
      fake.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
      queue.push(utterance);
      if (queue.length === 1) utterance.dispatchEvent(new Event('start'));
    }
    cancel() {
      queue.length = 0;
      fake.cancels++;
    }
    pause() {}
    resume() {}
  }
  const synthesis = new FakeSynthesis();
  const fake: Window['fakeSpeech'] = {
    spoken: [],
    cancels: 0,
    setVoices(next) {
      voices = next;
      synthesis.dispatchEvent(new Event('voiceschanged'));
    },
    finishCurrent() {
      queue.shift()?.dispatchEvent(new Event('end'));
      queue[0]?.dispatchEvent(new Event('start'));
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  window.fakeSpeech = fake;
}

const OFFLINE_ENGLISH: FakeVoice = { name: 'Offline English', lang: 'en-US', localService: true };
const OFFLINE_SPANISH: FakeVoice = { name: 'Offline Spanish', lang: 'es-MX', localService: true };
const spanish = LANGUAGES[1];
const listen = (page: Page, { t: s } = { t }) => page.getByRole('main').getByRole('button', { name: s('listen.start'), exact: true });
const stopReading = (page: Page) => page.getByRole('main').getByRole('button', { name: t('listen.stop'), exact: true });
const beingRead = (page: Page) => page.locator('[data-reading]');
const spoken = (page: Page) => page.evaluate(() => window.fakeSpeech.spoken);
const cancels = (page: Page) => page.evaluate(() => window.fakeSpeech.cancels);

test('Listen reads the topic with the offline voice, highlights each paragraph, and stops when the screen changes', async ({ page, kiosk, content }) => {
  // The fake goes in before a fresh load; voices arrive late, as Chromium's do.
  await page.addInitScript(installFakeSpeech, []);
  await page.reload();
  await expect(ui.start(kiosk)).toBeVisible();
  await beginTopics(page, content.topics);
  await expect(listen(page)).toHaveCount(0);
  await page.evaluate((voice) => window.fakeSpeech.setVoices([voice]), OFFLINE_ENGLISH);
  await expect(listen(page)).toBeVisible();

  const summary = content.pack.summary;
  await listen(page).click();
  const expected = [summary.title, ...summary.paragraphs];
  expect((await spoken(page)).map((utterance) => utterance.text)).toEqual(expected);
  expect(new Set((await spoken(page)).map((utterance) => `${utterance.voice} ${utterance.lang}`))).toEqual(new Set(['Offline English en-US']));
  await expect(stopReading(page)).toBeVisible();
  // Each block is highlighted while it is read, one at a time.
  for (const text of expected) {
    await expect(beingRead(page)).toHaveCount(1);
    await expect(beingRead(page)).toHaveText(text);
    await page.evaluate(() => window.fakeSpeech.finishCurrent());
  }
  await expect(beingRead(page)).toHaveCount(0);
  await expect(listen(page)).toBeVisible();

  // Reading, then Next: the speech is cancelled and nothing stays highlighted.
  await listen(page).click();
  await expect(beingRead(page)).toHaveText(summary.title);
  const before = await cancels(page);
  await ui.next(page).click();
  await expectTopic(page, content.topics, 1);
  expect(await cancels(page)).toBeGreaterThan(before);
  await expect(beingRead(page)).toHaveCount(0);
  await expect(listen(page)).toBeVisible();

  // Reading, then Start over (the same reset as the idle reset): cancelled too.
  await listen(page).click();
  const beforeReset = await cancels(page);
  await ui.startOver(page).click();
  await expect(ui.start(page)).toBeVisible();
  expect(await cancels(page)).toBeGreaterThan(beforeReset);
  await expect(beingRead(page)).toHaveCount(0);
});

test('no Listen button without an offline voice for the language', async ({ page, kiosk, content }) => {
  // A cloud English voice (it would send the text away) and an offline voice in another language.
  await page.addInitScript(installFakeSpeech, [
    { name: 'Cloud English', lang: 'en-GB', localService: false },
    { name: 'Offline German', lang: 'de-DE', localService: true },
  ]);
  await page.reload();
  await expect(ui.start(kiosk)).toBeVisible();
  await beginTopics(page, content.topics);
  await expect(ui.heading(page)).toHaveText(content.topics[0]!.title);
  await expect(listen(page)).toHaveCount(0);
  // No voices at all (as on this machine without the fake): none either.
  await page.evaluate(() => window.fakeSpeech.setVoices([]));
  await expect(listen(page)).toHaveCount(0);
});

test.describe('with the UI in Spanish', () => {
  test('Listen reads the Spanish topic with the Spanish offline voice', async ({ page, kiosk }) => {
    await page.addInitScript(installFakeSpeech, [OFFLINE_ENGLISH, OFFLINE_SPANISH]);
    await page.reload();
    await expect(ui.start(kiosk)).toBeVisible();
    await spanish.ui.language(page, spanish.name).click();
    await beginTopics(page, spanish.content.topics, spanish);
    await listen(page, spanish).click();
    const summary = spanish.content.pack.summary;
    const utterances = await spoken(page);
    expect(utterances.map((utterance) => utterance.text)).toEqual([summary.title, ...summary.paragraphs]);
    expect(new Set(utterances.map((utterance) => `${utterance.voice} ${utterance.lang}`))).toEqual(new Set(['Offline Spanish es-MX']));
    await expect(beingRead(page)).toHaveText(summary.title);
  });

  test('no Listen button when the only offline voice is English', async ({ page, kiosk, content }) => {
    await page.addInitScript(installFakeSpeech, [OFFLINE_ENGLISH, { name: 'Cloud Spanish', lang: 'es-ES', localService: false }]);
    await page.reload();
    await expect(ui.start(kiosk)).toBeVisible();
    // English first: the button is there, so its absence in Spanish is the language's doing.
    await beginTopics(page, content.topics);
    await expect(listen(page)).toBeVisible();
    await ui.startOver(page).click();
    await spanish.ui.language(page, spanish.name).click();
    await beginTopics(page, spanish.content.topics, spanish);
    await expect(spanish.ui.heading(page)).toHaveText(spanish.content.topics[0]!.title);
    await expect(listen(page, spanish)).toHaveCount(0);
  });
});
