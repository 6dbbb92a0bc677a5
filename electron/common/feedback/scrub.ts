/**
 * Removes contact details and identifying numbers from a free-text comment before it is stored.
 * Pure and shared: the core scrubs before every write, and the renderer may preview the result.
 *
 * Four families, each a rule below: email addresses (also spelt out, "jane at mail dot com"), runs
 * of 6+ digits whatever separates them (phones, record numbers), dates (of birth, in digits or
 * words), and a name after
 * "my name is" / "I am" / "I'm". It errs on the side of removing, but keeps what clinic comments
 * are full of: "2019-2024", "3 sessions", "10/10", "open 10.00-12.00", "I am nervous", "I am Deaf".
 * tests/unit/feedback/scrub-corpus.json measures both sides; the test prints recall and false positives.
 */

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
/** "5 5 4 5 5 4": scores, one digit each; nobody writes a phone number a digit at a time. */
const SPACED_DIGITS = /^\d(?:\s+\d)+$/;
/** "1,2,3,4,5,6" or "10/10/10": counts and scores, each at most two digits, in a list. */
const SMALL_LIST = /^\d{1,2}(?:[,/]\d{1,2})+$/;
/** "$1,500,000": money with thousands separators. */
const MONEY = /^\d{1,3}(?:,\d{3})+(?:\.\d\d)?$/;

/**
 * "my name is Jane Doe", "I am Jane", "I'm Jane Doe": up to three name-like words after the
 * phrase. After "my name is" (or "name:") words count whatever their case ("my name is jane
 * doe"); otherwise only Capitalised words do, so "I am worried" stays as it is. Either way the
 * common words below end the name: "my name is jane and i", "I am Deaf", "I am Type 2 diabetic".
 */
const NAME_PHRASE = /(\bmy\s+name\s+is|\bname\s*:|\bI\s+am|\bI['’]m|\bthis\s+is|\bcall\s+me)(\s+)((?:[\p{L}'’-]+\s*){1,3})/giu;
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
   january february march april may june july august september october november december`.split(/\s+/),
);

export function scrubComment(text: string): string {
  return scrubNames(
    text
      .replace(EMAIL, REMOVED)
      .replace(BRACKETED_AT, REMOVED)
      .replace(SPELLED_OUT, REMOVED)
      .replace(WORDY_DATE, REMOVED)
      .replace(DIGIT_RUN, (run, offset: number, whole: string) => (identifies(run, whole[offset - 1]) ? REMOVED : run)),
  );
}

/** Whether a run of digits and separators could name a person: a phone, an id, a date. */
function identifies(run: string, before: string | undefined): boolean {
  const core = run.replace(/^[+(]+|[).,\s/_-]+$/gu, '');
  if (DATE.test(core)) return true;
  if ((run.match(DIGIT)?.length ?? 0) < MIN_DIGITS_REMOVED) return false;
  if (YEARS.test(core) || SMALL_LIST.test(core) || CLOCK_TIMES.test(core) || SPACED_DIGITS.test(core)) return false;
  return !(MONEY.test(core) && before !== undefined && /[$£€]/u.test(before));
}

function scrubNames(text: string): string {
  return text.replace(NAME_PHRASE, (match, phrase: string, space: string, words: string) => {
    const anyCase = /name/i.test(phrase);
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
