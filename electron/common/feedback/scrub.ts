/**
 * Removes contact details and identifying numbers from a free-text comment before it is stored.
 * Pure and shared: the core scrubs before every write, and the renderer may preview the result.
 *
 * Five families, each a rule below: email addresses (also spelt out, "jane at mail dot com"), runs
 * of 6+ digits whatever separates them (phones, record numbers), also said in words in English or
 * Spanish ("oh seven seven double oh…", "seis cero cero…"), dates (of birth, in digits or words),
 * a name after "my name is" / "I am" / "me llamo"…, and a name signing the comment off ("Cheers,
 * Ben", "Gracias, María"). It errs on the side of removing, but keeps what clinic comments are full of:
 * "2019-2024", "3 sessions", "10/10", "score 5 5 4 5 5 4", "open 10.00-12.00", "I am forty one",
 * "uno o dos días", "I am nervous", "I am Deaf", "Thanks, great staff".
 * tests/unit/feedback/scrub-corpus.json measures both sides; the test prints recall and false positives.
 */

import { NUMBER_RUN, saysNumber, spokenDigits } from './number-words.js';

export const REMOVED = '[removed]';

/** Digits in a run this long are removed, whatever separates them. */
export const MIN_DIGITS_REMOVED = 6;

// Unicode letters and digits too, so an address with "é" or fullwidth digits is still caught.
// The lookbehind starts a match only at the start of a word: linear time on a 500-letter "word".
const LOCAL = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+`;
const LABEL = String.raw`[\p{L}\p{N}\-]+`;
const AT_SIGN = '[@\uFF20\uFE6B]';
const DOT = '[.\uFF0E\u3002]';
/** `jane.doe@example.org`, with spaces around `@` or the dots, or a fullwidth `＠`. */
const EMAIL = new RegExp(String.raw`${LOCAL}[ \t]*${AT_SIGN}[ \t]*${LABEL}(?:[ \t]*${DOT}[ \t]*${LABEL})+`, 'gu');
/** `jane [at] example (dot) org`, `jane(at)example.org`: an "at" in brackets is never prose. */
const BRACKETED_AT = new RegExp(String.raw`${LOCAL}\s*[\[({<]\s*at\s*[\])}>]\s*${LABEL}(?:\s*(?:[\[({<]\s*dot\s*[\])}>]|${DOT}|\bdot\b)\s*${LABEL})*`, 'giu');
/**
 * `jane at example dot com`, `jane dot doe at gmail.com`: prose has "at" too ("arrived at home"), so only
 * with a top-level domain people actually say.
 */
const TLD = '(?:com|org|net|edu|gov|info|io|co|uk|us|ca|au|ie|nz|de|fr|es|it|nl|in|me|health|mail)';
const SPELLED_OUT = new RegExp(
  String.raw`${LOCAL}(?:\s+dot\s+${LABEL})*\s+at\s+${LABEL}(?:\s*(?:\s\bdot\b\s|${DOT})\s*${LABEL})*(?:\s\bdot\b\s|${DOT})\s*${TLD}\b`,
  'giu',
);

/**
 * `jane.doe at example`, `sam_k at proton`: a lower-case handle with a dot or underscore inside is
 * a user name, not prose, so its "at" needs no domain after it. Letters first, so "10.30 at" stays.
 */
const HANDLE_AT = /(?<![\p{L}\p{N}._%+-])\p{Ll}[\p{Ll}\p{N}]+(?:[._][\p{Ll}\p{N}]+)+\s+at\s+[\p{Ll}\p{N}-]+/gu;

/**
 * A digit, then more digits each joined by any run of horizontal space (thin and non-breaking
 * too), by at most four separators of the kinds phone numbers use: those spaces, a line break,
 * dashes, dots, slashes, underscores and parentheses, or by one comma ("555,867,5309"; after ", "
 * a new number starts, as in a list). A leading "+" or "(" goes with the number.
 */
const SPACE = String.raw`[ \t\u00A0\u2000-\u200A\u202F\u205F\u3000]`;
const SEPARATOR = String.raw`(?:${SPACE}|[.()\-\u2010-\u2015/_\r\n])`;
const DIGIT_RUN = new RegExp(String.raw`\+?\(?\p{Nd}(?:(?:${SPACE}+|${SEPARATOR}{1,4}|,)?\p{Nd})*\)?`, 'gu');
const DIGIT = /\p{Nd}/gu;
/** 04/12/1985, 4.12.85, 1985-12-04: a date names a birthday or a visit, whatever its digit count. */
const DATE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{2}|\d{4})|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})$/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "4th December 1985", "December 4, 1985": a date in words, with its year. */
const WORDY_DATE = new RegExp(String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?)\s+(?:19|20)\d\d\b`, 'giu');
/** "2019-2024", "2019 – 2021, 2023", "2023 2024 2025": years, not a number to call. */
const YEARS = /^(?:19|20)\d\d(?:\s*[-\u2010-\u2015/,]\s*(?:(?:19|20)\d\d|\d\d)|\s+(?:19|20)\d\d)+$/;
/** "10.00-12.00", "9.30 – 17.00": opening hours, clock times in a range. */
const CLOCK_TIMES = /^(?:[01]?\d|2[0-4])[.:][0-5]\d(?:\s*[-\u2010-\u2015]\s*(?:[01]?\d|2[0-4])[.:][0-5]\d)+$/;
/**
 * A year or a clock time inside a run of number words ("In 2023, twenty two sessions", "at 10.15,
 * twenty five minutes late"): the shapes of YEARS and CLOCK_TIMES, digits the digit rule keeps, so
 * they add none to a number said beside them.
 */
const YEAR_OR_TIME = /(?<!\p{Nd})(?:(?:19|20)\d\d|(?:[01]?\d|2[0-4])[.:][0-5]\d)(?!\p{Nd})/gu;
/** "5 5 4 5 5 4": one digit each, kept only after a word saying they are scores (SCORES_BEFORE). */
const SPACED_DIGITS = /^\d(?:\s+\d)+$/;
/**
 * "score 5 5 4 5 5 4", "I rated the topics 5 4 5 5 4 4": a score word at most three words back.
 * Without one, "policy 9 9 8 8 7 7" is a number typed a digit at a time.
 */
const SCORES_BEFORE = /\b(?:scores?|scored|rated|ratings?|rates|marks|stars|puntuaci[oó]n|puntuaciones|puntos|notas?)\b[:\s]+(?:[\p{L}\p{N}'’-]+\s+){0,3}$/iu;
/** "1,2,3,4,5,6" or "10/10/10": counts and scores, each at most two digits, in a list. */
const SMALL_LIST = /^\d{1,2}(?:[,/]\d{1,2})+$/;
/** "$1,500,000": money with thousands separators. */
const MONEY = /^\d{1,3}(?:,\d{3})+(?:\.\d\d)?$/;

/** "one, two, three, four and five": every item a single word, as a list is written (a phone's groups are longer). */
const WORD_LIST = /^[\p{L}\p{N}]+(?:(?:\s*,\s*|,?\s+(?:and|y)\s+)[\p{L}\p{N}]+)+$/iu;

/**
 * "my name is Jane Doe", "I am Jane", "I'm Jane Doe", "me llamo Ana": up to three name-like words
 * after the phrase. After "my name is" (or "name:", "me llamo", "mi nombre es") words count
 * whatever their case ("my name is jane doe"); otherwise only Capitalised words do, so "I am
 * worried" stays as it is. Either way the common words below end the name: "my name is jane and
 * i", "I am Deaf", "I am Type 2 diabetic", "me llamo Ana y tengo".
 */
const NAME_PHRASE =
  /(\bmy\s+name\s+is|\bname\s*:|\bme\s+llamo|\bmi\s+nombre\s+es|\bnombre\s*:|\bI\s+am|\bI['’]m|\bthis\s+is|\bcall\s+me)(\s+)((?:[\p{L}'’-]+\s*){1,3})/giu;
/** Jane, O'Neill, Chloe-Anne, Sam's. */
const CAPITALISED = /^(?=.{2})\p{Lu}\p{Ll}*(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
const NOT_NAMES = new Set(
  `a an the so very really not just still now here there also always never quite too and but
   glad happy grateful thankful pleased relieved hopeful nervous worried scared anxious afraid
   sure unsure okay ok fine well better good great new back in on at from with for going
   currently feeling confused curious interested ready done tired sorry impressed satisfied
   i im i'm i’m a is was my me it its this that to of as if or he she we they you your
   please thanks thank hi hello sorry been have had will would can just
   english french spanish polish german italian indian chinese arabic british american
   irish scottish welsh canadian mexican australian african asian european latino latina hispanic
   japanese korean russian ukrainian portuguese brazilian filipino vietnamese pakistani nigerian
   jewish muslim christian catholic protestant orthodox hindu buddhist sikh atheist mormon
   deaf blind autistic disabled diabetic dyslexic epileptic bipolar adhd type pregnant
   vegan vegetarian gay lesbian bisexual queer trans transgender black white
   one two three four five six seven eight nine ten first second last
   monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight
   january february march april may june july august september october november december
   mon tue tues wed thu thur thurs fri sat sun again much everyone everybody all team staff guys
   excellent amazing brilliant lovely perfect wonderful fantastic awesome nice kind helpful
   mum dad mom god doctor nurse muy mucho muchas muchos todo todos todas equipo por de la el
   los las amable buen buena excelente bien hola y e que con en es soy tengo estoy pero
   lo un una uno no mi tu su del al para como más solo secreto privado
   clinic clínica clinica hospital centro center centre christmas navidad merry feliz dios`.split(/\s+/),
);

/** Thanks said to someone: "Thanks Jane", "Thank you, Jane", "Gracias María", "Thanks - Tom". */
const THANKS = String.raw`(?:(?:many\s+|thanks\s+)?thanks(?:\s+again)?|thank\s+you|cheers|(?:muchas\s+|mil\s+)?gracias)\b[ \t]*(?:[,:!.]|[-\u2013\u2014]+)?`;
/** Other closings sign only with a comma or a line break after them: "Best, Tom", not "Best Kiosk Ever". */
const CLOSING = String.raw`(?:(?:kind\s+|best\s+|warm\s+)?regards|best(?:\s+wishes)?|all\s+the\s+best|love|sincerely|yours(?:\s+(?:sincerely|truly))?|take\s+care|(?:un\s+)?saludos?|atentamente|cordialmente|un\s+abrazo|besos)[ \t]*(?:[,:]|\n)`;
/** An em or en dash, "--" or "~" after a space, or a plain "-" starting a line or sentence ("Mon-Fri" is not a signature). */
const DASH = String.raw`(?:(?<=^|\s)(?:[\u2013\u2014~]|--)|(?<=^|[.!?\n][ \t]{0,3})-)`;
/**
 * "Cheers, Ben Carter", "Thanks, Jane!", "Gracias, María de la Cruz", "— Tom": one to four
 * Capitalised words (or "de", "van"… inside) after a closing word (or a dash) that end the
 * comment. Capitalised only, and none of NOT_NAMES, so "Thanks, great staff", "Gracias, muy
 * amable", "Thanks Again", "Gracias, Clínica San José" stay. The look-behinds take at most three
 * spaces: an unbounded `\s*` there rescans a run of spaces at every position.
 */
const SIGN_OFF = new RegExp(
  String.raw`(?:(?<=^|[.!?,\n][ \t]{0,3})(?:${THANKS}|${CLOSING})|${DASH})\s*((?:\p{L}[\p{L}'’-]*[ \t]+){0,3}\p{L}[\p{L}'’-]*)(?=(?:\s+x+)?[\s\p{P}\p{S}]*$)`,
  'iu',
);
/** Dr Okafor, Nurse Kelly: a patient thanking the staff, not signing. */
const STAFF_TITLES = new Set(['dr', 'doctor', 'nurse', 'dra', 'doctora', 'enfermera', 'enfermero', 'prof', 'professor']);
/** Inside a surname: María de la Cruz, Anne van der Berg. */
const NAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'le']);

export function scrubComment(text: string): string {
  return scrubSignOff(
    scrubNames(
      text
        .replace(EMAIL, REMOVED)
        .replace(BRACKETED_AT, REMOVED)
        .replace(SPELLED_OUT, REMOVED)
        .replace(HANDLE_AT, REMOVED)
        .replace(WORDY_DATE, REMOVED)
        .replace(DIGIT_RUN, (run, offset: number, whole: string) => (identifies(run, whole.slice(0, offset)) ? REMOVED : run))
        .replace(NUMBER_RUN, (run, offset: number, whole: string) => (identifiesInWords(run, whole.slice(0, offset)) ? REMOVED : run)),
    ),
  );
}

/** Whether a run of digits and separators could name a person: a phone, an id, a date. */
function identifies(run: string, before: string): boolean {
  const core = run.replace(/^[+(]+|[).,\s/_-]+$/gu, '');
  if (DATE.test(core)) return true;
  if ((run.match(DIGIT)?.length ?? 0) < MIN_DIGITS_REMOVED) return false;
  if (YEARS.test(core) || SMALL_LIST.test(core) || CLOCK_TIMES.test(core)) return false;
  if (SPACED_DIGITS.test(core)) return !SCORES_BEFORE.test(before);
  return !(MONEY.test(core) && /[$£€]$/u.test(before));
}

/**
 * Whether a run of number words (digits may be mixed in) could name a person: said, it takes
 * MIN_DIGITS_REMOVED digits or more, like a digit run ("twenty five thousand" is 5, a phone 7+).
 * Runs without a word were the digit rule's, and "one, two, three, four, five, six" is a list.
 */
function identifiesInWords(run: string, before: string): boolean {
  if (!saysNumber(run) || WORD_LIST.test(run) || SCORES_BEFORE.test(before)) return false;
  // A comma in its place ends the number it stood beside, as in spokenDigits.
  return spokenDigits(run.replace(YEAR_OR_TIME, ',')) >= MIN_DIGITS_REMOVED;
}

function scrubNames(text: string): string {
  return text.replace(NAME_PHRASE, (match, phrase: string, space: string, words: string) => {
    const anyCase = /name|nombre|llamo/i.test(phrase);
    let taken = 0;
    for (const word of words.trimEnd().split(/\s+/)) {
      const nameLike = (CAPITALISED.test(word) || (anyCase && /^\p{L}/u.test(word))) && !NOT_NAMES.has(word.toLowerCase());
      if (!nameLike) break;
      taken++;
    }
    if (taken === 0) return match;
    const name = new RegExp(String.raw`^(?:[\p{L}'’-]+\s+){${taken - 1}}[\p{L}'’-]+`, 'u').exec(words)![0];
    return `${phrase}${space}${REMOVED}${words.slice(name.length)}`;
  });
}

function scrubSignOff(text: string): string {
  const match = SIGN_OFF.exec(text);
  if (match === null) return text;
  const name = match[1]!.replace(/\s+x+$/iu, ''); // "Thanks, Jane x": the kiss stays
  const words = name.split(/\s+/);
  const last = words.length - 1;
  const nameLike = (word: string, index: number) =>
    (CAPITALISED.test(word) && !NOT_NAMES.has(word.toLowerCase())) || (index > 0 && index < last && NAME_PARTICLES.has(word));
  const signed = !STAFF_TITLES.has(words[0]!.toLowerCase()) && words.every(nameLike);
  if (!signed) return text;
  const start = match.index + match[0].length - match[1]!.length;
  return `${text.slice(0, start)}${REMOVED}${text.slice(start + name.length)}`;
}
