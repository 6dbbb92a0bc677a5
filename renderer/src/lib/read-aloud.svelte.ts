/**
 * Read aloud, with the platform's `speechSynthesis` and only with an offline voice (`localService`):
 * the kiosk never hands the screen's text to a cloud service. No such voice for the language, no
 * Listen button. One utterance per block of text; the block being read carries `data-reading`
 * (highlighted by app.css). Whoever owns the screen stops it when the screen goes.
 */
import { baseLanguage } from './language-tag';

const READING_ATTRIBUTE = 'data-reading';

function offlineVoice(lang: string): SpeechSynthesisVoice | null {
  return speechSynthesis.getVoices().find((voice) => voice.localService && baseLanguage(voice.lang) === baseLanguage(lang)) ?? null;
}

export class ReadAloud {
  voice = $state<SpeechSynthesisVoice | null>(null);
  reading = $state(false);
  #marked: Element | null = null;
  /** Bumped by every start and stop, so events from a cancelled reading are ignored. */
  #run = 0;

  constructor(private readonly lang: () => string) {}

  /** Finds a voice now and whenever the list changes (Chromium fills it late); the cleanup stops speech. */
  watch(): () => void {
    if (!('speechSynthesis' in window)) return () => {};
    const update = () => (this.voice = offlineVoice(this.lang()));
    update();
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => {
      speechSynthesis.removeEventListener('voiceschanged', update);
      this.stop();
    };
  }

  read(blocks: readonly Element[]): void {
    const voice = this.voice;
    if (!voice || blocks.length === 0) return;
    this.stop();
    const run = ++this.#run;
    this.reading = true;
    blocks.forEach((block, index) => {
      const utterance = new SpeechSynthesisUtterance(block.textContent?.trim() ?? '');
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.addEventListener('start', () => run === this.#run && this.#mark(block));
      const last = index === blocks.length - 1;
      const finished = () => run === this.#run && last && this.#finish();
      utterance.addEventListener('end', finished);
      utterance.addEventListener('error', finished);
      speechSynthesis.speak(utterance);
    });
  }

  stop(): void {
    this.#run++;
    if (this.reading) speechSynthesis.cancel();
    this.#finish();
  }

  #mark(block: Element): void {
    this.#marked?.removeAttribute(READING_ATTRIBUTE);
    block.setAttribute(READING_ATTRIBUTE, '');
    this.#marked = block;
  }

  #finish(): void {
    this.#marked?.removeAttribute(READING_ATTRIBUTE);
    this.#marked = null;
    this.reading = false;
  }
}
