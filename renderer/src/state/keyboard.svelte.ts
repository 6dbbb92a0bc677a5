/**
 * The on-screen keyboard's state: which field it types into, shift, and the layout. One for the
 * whole window, since there is one focus. It opens when a text field takes focus (or is tapped
 * again after Done) and closes when focus moves elsewhere, on Done, and on every reset.
 *
 * Typing is synchronous on purpose: a tap changes the field in the same task, so the character
 * appears in the very next frame.
 */
import { FALLBACK_LAYOUT, type KeyboardLayoutId } from '../lib/keyboard/layouts';

export type TypableField = HTMLInputElement | HTMLTextAreaElement;

/** Inputs the keyboard can type into. Dates and the PIN pad keep their own controls. */
const TYPABLE_INPUTS = new Set(['text', 'search', 'url', 'number']);

export function isTypable(element: EventTarget | null): element is TypableField {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLInputElement && TYPABLE_INPUTS.has(element.type) && !element.readOnly && !element.disabled;
}

/** Marks the keyboard's own element: focus moving into it keeps the keyboard open. */
export const KEYBOARD_ATTRIBUTE = 'data-on-screen-keyboard';

export class OnScreenKeyboard {
  target = $state<TypableField | null>(null);
  shift = $state(false);
  /** The layouts the kiosk's languages use (see offeredLayouts); set once by the kiosk at start. */
  offered = $state.raw<readonly KeyboardLayoutId[]>([FALLBACK_LAYOUT]);
  /** The patient's pick on the keyboard itself; null follows the UI language. */
  chosenLayout = $state<KeyboardLayoutId | null>(null);
  /**
   * Up and typing into a field. The screen's top and bottom bars step aside while it is, so the
   * field has the room above the keyboard whatever the language and text size (a bar that wraps to
   * several rows at 200% text would otherwise push the field under it); Done brings them back.
   */
  get isUp(): boolean {
    return this.target !== null;
  }
  /** The field Done was pressed in: focus returning to it does not reopen the keyboard. */
  #dismissed: TypableField | null = null;

  /** Listens to focus on the whole document; returns the function that stops (an $effect's cleanup). */
  start(): () => void {
    let pointerDown = false;
    let closing: ReturnType<typeof setTimeout> | undefined;
    // Closing changes the layout (the screen grows back). Done in the middle of a tap, the button
    // tapped would move before its click arrived; so it waits for the tap to end: the release,
    // then the rest of that task, which is where the click is dispatched.
    const closeSoon = () => {
      clearTimeout(closing);
      if (!pointerDown) closing = setTimeout(() => this.close());
      else
        window.addEventListener(
          'pointerup',
          () => {
            pointerDown = false;
            closeSoon();
          },
          { once: true, capture: true },
        );
    };
    const onFocusIn = (event: FocusEvent) => {
      const element = event.target;
      if (isTypable(element)) {
        clearTimeout(closing);
        if (element !== this.#dismissed) this.open(element);
      } else if (!(element instanceof Element && element.closest(`[${KEYBOARD_ATTRIBUTE}]`))) {
        closeSoon();
      }
    };
    // Focus leaving for nowhere (a tap on empty space, a reset's blur) closes the keyboard.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget === null && this.target) closeSoon();
    };
    const onPointerDown = () => (pointerDown = true);
    const onPointerUp = () => (pointerDown = false);
    // A tap on the field the keyboard was dismissed from brings it back (after the tap, as above).
    const onClick = (event: MouseEvent) => {
      if (isTypable(event.target) && event.target === document.activeElement) this.open(event.target);
    };
    // Keyboard and switch users: the keys come next after the field (they sit elsewhere in the page),
    // and Shift+Tab from the first key goes back to it.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !this.target) return;
      const keys = document.querySelectorAll<HTMLButtonElement>(`[${KEYBOARD_ATTRIBUTE}] button`);
      const next = !event.shiftKey && event.target === this.target ? keys[0] : event.shiftKey && event.target === keys[0] ? this.target : null;
      if (!next) return;
      event.preventDefault();
      next.focus();
    };
    const listeners = [
      ['keydown', onKeyDown],
      ['focusin', onFocusIn],
      ['focusout', onFocusOut],
      ['pointerdown', onPointerDown],
      ['pointerup', onPointerUp],
      ['pointercancel', onPointerUp],
      ['click', onClick],
    ] as const;
    for (const [type, listener] of listeners) document.addEventListener(type, listener as EventListener, { capture: true });
    return () => {
      clearTimeout(closing);
      for (const [type, listener] of listeners) document.removeEventListener(type, listener as EventListener, { capture: true });
    };
  }

  open(field: TypableField): void {
    this.#dismissed = null;
    this.target = field;
  }

  close(): void {
    this.target = null;
    this.shift = false;
  }

  /** Done: the keyboard goes, the caret stays in the field (for a physical or switch keyboard's Tab). */
  done(): void {
    const field = this.target;
    this.close();
    this.#dismissed = field;
    field?.focus({ preventScroll: true });
  }

  /** The idle reset and Start over: closed, back to the language's layout, nothing remembered. */
  reset(): void {
    this.close();
    this.chosenLayout = null;
    this.#dismissed = null;
  }

  type(text: string): void {
    const field = this.target;
    if (!field) return;
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start === null || end === null) {
      // Number inputs have no selection: append, and undo what the browser's sanitising rejects.
      const before = field.value;
      field.value = before + text;
      if (field.value !== before + text) field.value = before;
    } else {
      // maxlength limits only what a person types, not script, so it is enforced here (the 500 chars).
      if (field.maxLength >= 0 && field.value.length - (end - start) + text.length > field.maxLength) return;
      field.setRangeText(text, start, end, 'end');
    }
    this.shift = false;
    this.#changed(field);
  }

  backspace(): void {
    const field = this.target;
    if (!field) return;
    const start = field.selectionStart;
    const end = field.selectionEnd;
    if (start === null || end === null) field.value = field.value.slice(0, -1);
    else if (start !== end) field.setRangeText('', start, end, 'end');
    else if (start > 0) field.setRangeText('', start - 1, start, 'end');
    this.#changed(field);
  }

  /** Tells Svelte's bind:value (and any listener) exactly as a typed character would. */
  #changed(field: TypableField): void {
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

export const keyboard = new OnScreenKeyboard();
