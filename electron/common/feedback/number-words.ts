/**
 * Numbers said in words, in English and Spanish (the kiosk's two languages): "oh seven seven double
 * oh, nine hundred, one two three", "seis cero cero, doce, treinta y cuatro". The scrub finds a run
 * of them (digits may be mixed in) and asks how many digits it would take to write, so it can treat
 * the run like a run of digits. Pure: no Node built-ins, the page may import it too.
 */

type Kind = 'digit' | 'closed' | 'tens' | 'hundred' | 'hundreds' | 'thousand' | 'repeat';

/** Accents dropped and lower case, so "dieciséis", "DIECISEIS" and "dieciseis" are one word. */
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const VOCABULARY = new Map<string, { kind: Kind; value: number }>();
/** As a patient may type them: with and without accents. */
const SPELLINGS = new Set<string>();
function add(kind: Kind, words: string, values: (index: number) => number): void {
  words.split(/\s+/).forEach((word, index) => {
    VOCABULARY.set(fold(word), { kind, value: values(index) });
    SPELLINGS.add(word).add(fold(word));
  });
}
// Not "o" (Spanish "or": "uno o dos días") and not "million" ("thanks a million"): nobody dictates them.
add('digit', 'zero oh nought one two three four five six seven eight nine', (i) => Math.max(0, i - 2));
add('digit', 'cero uno dos tres cuatro cinco seis siete ocho nueve', (i) => i);
add('digit', 'un una', () => 1); // "cuarenta y un años", "veintiún"
// Two-digit words that take no units after them (ten…nineteen, diez…diecinueve, veintiuno…veintinueve).
add('closed', 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen', (i) => 10 + i);
add('closed', 'diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve', (i) => 10 + i);
add('closed', 'veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve', (i) => 21 + i);
add('closed', 'veintiún veintiuna', () => 21);
add('tens', 'twenty thirty forty fifty sixty seventy eighty ninety', (i) => 20 + 10 * i);
add('tens', 'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa', (i) => 20 + 10 * i);
add('hundred', 'hundred', () => 100); // multiplies: "nine hundred"
add('hundreds', 'cien ciento', () => 100);
add('hundreds', 'doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos', (i) => 200 + 100 * i);
add('hundreds', 'doscientas trescientas cuatrocientas quinientas seiscientas setecientas ochocientas novecientas', (i) => 200 + 100 * i);
add('thousand', 'thousand mil', () => 1000);
add('repeat', 'double doble', () => 2);
add('repeat', 'triple', () => 3);

/** Joins "nine hundred and twelve", "treinta y cuatro" inside one run. */
const CONNECTORS = new Set(['and', 'y']);

// Longest first, so "seventeen" is not read as "seven".
const WORD = `(?:${[...SPELLINGS].sort((a, b) => b.length - a.length).join('|')})`;
const TOKEN = String.raw`(?:${WORD}|\p{Nd}+)(?![\p{L}\p{N}])`;
/** Between two tokens: a connector, any run of spaces, or up to four of the separators phone numbers use. */
const GAP = String.raw`(?:\s+(?:and|y)\s+|\s+|[\s,.()\-\u2010-\u2015/]{1,4})`;
/** Number words and digit groups, each a whole word ("someone" has no "one" in it). */
export const NUMBER_RUN = new RegExp(String.raw`(?<![\p{L}\p{N}])${TOKEN}(?:${GAP}${TOKEN})*`, 'giu');

/** Whether a run says at least one number in words ("2020 and 2022" does not). */
export function saysNumber(run: string): boolean {
  return (run.match(/\p{L}+/gu) ?? []).some((token) => VOCABULARY.has(fold(token)));
}

/**
 * The digits a run found by NUMBER_RUN would take to write, read as a listener would: each number
 * said counts its own digits ("forty one" 2, "nine hundred" 3, "twenty five thousand" 5, "dos mil
 * veinte" 4, "nineteen eighty five" 2 + 2), "double"/"triple" repeat the next digit, and a digit
 * group counts its digits. A comma ends a number ("nine hundred, one" is 3 + 1).
 */
export function spokenDigits(run: string): number {
  let digits = 0;
  for (const part of run.split(',')) {
    let value: number | null = null; // the number being said, not yet counted
    let repeat = 1;
    const close = () => {
      if (value !== null) digits += String(value).length;
      value = null;
    };
    for (const token of part.match(/\p{L}+|\p{Nd}+/gu) ?? []) {
      const word = VOCABULARY.get(fold(token));
      if (word === undefined) {
        if (CONNECTORS.has(token.toLowerCase())) continue;
        close(); // a digit group
        digits += token.length * (token.length === 1 ? repeat : 1);
        repeat = 1;
        continue;
      }
      const times = repeat;
      repeat = 1;
      if (word.kind === 'repeat') {
        close();
        repeat = word.value;
      } else if (word.kind === 'digit' && times > 1) {
        close();
        digits += times;
      } else if (value !== null && continues(value, word.kind, word.value)) {
        value = combine(value, word.kind, word.value);
      } else {
        close();
        if (word.kind === 'digit' && word.value === 0)
          digits++; // "oh", "cero": always a digit of its own
        else value = word.value;
      }
    }
    close();
  }
  return digits;
}

/** Whether a word continues the number said so far, as in "forty one", "two hundred and ten", "dos mil cien". */
function continues(value: number, kind: Kind, wordValue: number): boolean {
  switch (kind) {
    case 'digit':
      return wordValue > 0 && value >= 20 && value % 10 === 0; // the units of "forty", "hundred", "mil"
    case 'closed':
    case 'tens':
      return value >= 100 && value % 100 === 0;
    case 'hundreds':
      return value >= 1000 && value % 1000 === 0;
    case 'hundred':
      return value % 1000 > 0 && value % 1000 < 100; // "nine hundred", "two thousand three hundred"
    case 'thousand':
      return value < 1000;
    default:
      return false;
  }
}

function combine(value: number, kind: Kind, wordValue: number): number {
  if (kind === 'hundred') return value - (value % 1000) + (value % 1000) * 100;
  if (kind === 'thousand') return value * 1000;
  return value + wordValue;
}
