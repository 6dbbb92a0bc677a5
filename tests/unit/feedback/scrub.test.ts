import { describe, expect, it } from 'vitest';
import { REMOVED, scrubComment } from '../../../electron/common/feedback/scrub.js';

const R = REMOVED;

/** Each input comes out exactly as expected: what is named goes, the words around it stay. */
function removes(what: string, cases: [input: string, expected: string][]): void {
  it.each(cases)(`removes ${what} in %j`, (input, expected) => {
    expect(scrubComment(input)).toBe(expected);
  });
}

/** Each input comes out unchanged. */
function keeps(why: string, inputs: string[]): void {
  it.each(inputs)(`keeps %j${why}`, (input) => {
    expect(scrubComment(input)).toBe(input);
  });
}

describe('scrubComment', () => {
  removes('the email address', [
    ['write to jane.doe@example.org please', `write to ${R} please`],
    ['J.Smith+kiosk@mail.co.uk.', `${R}.`],
    ['bob_1985@gmail.com and ana@clinic.health', `${R} and ${R}`],
    ['josé.garcía@correo.es', R],
    ['UPPER@EXAMPLE.COM', R],
  ]);

  removes('the user name before "at"', [
    ['write to jane.doe at example if you can', `write to ${R} if you can`],
    ['sam_k at proton, thanks', `${R}, thanks`],
    ['mail priya.shah2 at nhs', `mail ${R}`],
  ]);

  keeps(', no user name, as it is', [
    'Seen at 10.30 at the clinic',
    'Dose 0.5 at night was fine',
    'I arrived at noon.Staff were kind',
    'e.g. at home',
    'Jane.Doe at reception',
  ]);

  removes('the phone number', [
    ['call (555) 867-5309', `call ${R}`],
    ['call 555-867-5309 today', `call ${R} today`],
    ['call 555.867.5309', `call ${R}`],
    ['call 555 867 5309', `call ${R}`],
    ['call 5558675309', `call ${R}`],
    ['call 1-800-555-0199', `call ${R}`],
    ['call +1 (555) 867-5309', `call ${R}`],
    ['call +1-555-867-5309', `call ${R}`],
    ['call +44 20 7946 0958', `call ${R}`],
    ['call +44 (0)20 7946 0958', `call ${R}`],
    ['call +49 30 901820', `call ${R}`],
    ['call +33 1 42 68 53 00', `call ${R}`],
    ['call +91-98765-43210', `call ${R}`],
    ['call 555 - 867 - 5309', `call ${R}`],
    ['call 867-5309', `call ${R}`],
    ['tel:+15558675309.', `tel:${R}.`],
  ]);

  removes('the run of 6 or more digits', [
    ['my MRN is 123456', `my MRN is ${R}`],
    ['id MRN123456789', `id MRN${R}`],
    ['ssn 123-45-6789', `ssn ${R}`],
    ['card 4111 1111 1111 1111 ok', `card ${R} ok`],
    ['born 1985-03-12', `born ${R}`],
    ['code 12 34 56', `code ${R}`],
    ['fullwidth １２３４５６', `fullwidth ${R}`],
  ]);

  keeps(' as it is', [
    'I gave it 5 stars',
    'I take it 3 times a day',
    'since 2024 I feel better',
    'dose 0.5 mg/kg over 40 minutes',
    'I have been coming for 12 weeks, 2 sessions a week',
    'a 10/10 experience',
    'page 12345 of the booklet',
    'version 1.0.0',
    'between 9 and 5',
    'room 101, 3rd floor',
    'it cost $1,500',
    '(5 stars)',
    'email me? no thanks, @ the desk is fine',
    'Thank you! 😊 Très bien. ありがとう',
    '',
  ]);

  removes('the number said in words', [
    ['call oh seven seven double oh, nine hundred, one two three', `call ${R}`],
    ['my number is five five five, eight six seven, five three oh nine', `my number is ${R}`],
    ['ring triple seven, double two, four one eight nine please', `ring ${R} please`],
    ['call me 07700 nine hundred one two three', `call me ${R}`],
    ['policy Four Four One Two, Nine Nine Eight Seven', `policy ${R}`],
    ['mi número es seis cero cero, doce, treinta y cuatro, cincuenta y seis', `mi número es ${R}`],
    ['llámame al novecientos ochenta y siete, sesenta y cinco, cuarenta y tres', `llámame al ${R}`],
    ['póliza ocho siete siete tres dos uno', `póliza ${R}`],
    ['teléfono 600 doce treinta y cuatro, gracias', `teléfono ${R}, gracias`],
  ]);

  keeps(', everyday numbers in words, as it is', [
    'one or two times a week',
    'two or three weeks',
    'I am forty one',
    'twenty minutes',
    'uno o dos días',
    'Tengo cuarenta y un años',
    'diagnosed in nineteen ninety eight, or two thousand and one',
    'nací en mil novecientos ochenta y cinco',
    'it costs twenty five thousand a year',
    'sessions one, two, three, four, five and six were fine',
    'score five five four five five four',
    'someone, anyone, everyone',
    'Between 2020 and 2022 I tried three',
    // A year or a clock time beside a count: the digit rule keeps those digits, so they add none.
    'Arrived at 10.15, twenty five minutes late.',
    'In 2023, twenty two sessions helped',
    'Since 2021, forty five visits',
    'Llegué a las 10.30, veinticinco minutos tarde',
    'Tuesday 10.30 - 11.45, twenty minutes',
  ]);

  removes('the digits typed one at a time', [
    ['policy 9 9 8 8 7 7', `policy ${R}`],
    ['5 5 5 1 2 3 4 is my number', `${R} is my number`],
    ['número de póliza 4 4 1 2 9 9', `número de póliza ${R}`],
  ]);

  keeps(', a few numbers or scores, as it is', [
    '1 or 2',
    'on a scale of 1 to 10',
    'score 5 5 4 5 5 4',
    'I rated the topics 5 4 5 5 4 4',
    'puntuación: 5 5 4 5 5 4',
  ]);

  removes('the name after a Spanish lead-in', [
    ['Hola, me llamo ana y tengo dudas', `Hola, me llamo ${R} y tengo dudas`],
    ['Mi nombre es Carlos Méndez, gracias', `Mi nombre es ${R}, gracias`],
    ['nombre: Lucía', `nombre: ${R}`],
  ]);

  removes('the name signing off', [
    ['Cheers, Ben Carter', `Cheers, ${R}`],
    ['Thanks, Jane', `Thanks, ${R}`],
    ['Very clear. Thank you, Jane!', `Very clear. Thank you, ${R}!`],
    ['Gracias, María López', `Gracias, ${R}`],
    ['Muy claro todo. Un saludo, Carmen 😊', `Muy claro todo. Un saludo, ${R} 😊`],
    ['Helpful.\n— Tom', `Helpful.\n— ${R}`],
    ['Lovely calm screens\n- Graham', `Lovely calm screens\n- ${R}`],
    ['Best wishes, Olu Adeyemi x', `Best wishes, ${R} x`],
    ['Thanks again.\nBest\nSam', `Thanks again.\nBest\n${R}`],
    ['Thank you Jane', `Thank you ${R}`],
    ['Gracias por todo. Saludos, María de la Cruz', `Gracias por todo. Saludos, ${R}`],
    ['Thanks - Tom', `Thanks - ${R}`],
    ['Cheers -Tom', `Cheers -${R}`],
    ['Muchas gracias — Ana', `Muchas gracias — ${R}`],
  ]);

  keeps(', not a signature, as it is', [
    'Thanks, great staff',
    'Gracias, muy amable',
    'Thanks Again',
    'Thank You So Much',
    'Thank you Dr Okafor',
    'Many thanks, Nurse Kelly',
    'Cheers, Ben Carter was my nurse today',
    'The sessions run Mon - Fri',
    'Overall — Excellent',
    'Best Kiosk Ever',
    'Love The Calm Screens',
    'Gracias a todo el equipo',
    'Un saludo a todos',
    'Thank you, Riverside Clinic',
    'Gracias, Clínica San José',
    'Thanks, Merry Christmas',
    'Gracias, Feliz Navidad',
    'Gracias, Dios!',
  ]);

  it('keeps the words around several removals and newlines between them', () => {
    expect(scrubComment('Phone 555 123 4567\nor a@b.cc\nthanks!')).toBe(`Phone ${R}\nor ${R}\nthanks!`);
  });

  it('leaves no digit run of 6 or more and no "@address" behind, whatever the input', () => {
    const pieces = ['1', '22', '333', '-', ' ', '.', '(', ')', '+', 'a', '@', 'x.io', 'é', '\n', '2024'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 2 + Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const scrubbed = scrubComment(text);
      // Year ranges and lists ("2024-2024", "2023 2024") are kept on purpose. Close every gap of
      // 1–3 separators between two digits in the rest; no 6 digits may then stand together.
      const joined = scrubbed
        .replace(/(?<!\d)(?:19|20)\d\d(?:\s*-\s*(?:(?:19|20)\d\d|\d\d)|\s+(?:19|20)\d\d)+(?!\d)/g, 'Y')
        .replace(/(?<=\d)[ .()-]{1,3}(?=\d)/g, '');
      expect(joined, `${JSON.stringify(text)} → ${JSON.stringify(scrubbed)}`).not.toMatch(/\d{6}/);
      expect(scrubbed).not.toMatch(/[a-z0-9]@[a-z0-9-]+\.[a-z]/i);
    }
  });

  it('is quick on a worst-case 500-character comment', () => {
    scrubComment('warm up'); // the first call compiles the patterns
    for (const text of [
      '1-'.repeat(250),
      'a'.repeat(499) + '@',
      '1 '.repeat(250),
      'a.'.repeat(250),
      `1${' '.repeat(498)}x`,
      '1     '.repeat(83),
      'my name is ' + 'a '.repeat(244),
      'oh '.repeat(166), // number words: one run of 166
      'one two, '.repeat(55),
      'y un '.repeat(100),
      `9${' nine'.repeat(99)}x`,
      'score ' + '5 '.repeat(247),
      'Thanks, ' + 'Ben '.repeat(123),
      ', '.repeat(249) + 'thanks',
      '— '.repeat(250),
      '.\n-'.repeat(166),
      'ab.'.repeat(166),
      'ab.cd '.repeat(83),
    ]) {
      // A guard against runaway backtracking, which takes seconds or more at 500 characters; a
      // normal scrub takes about a millisecond. The bound is loose so a busy CI machine's pauses
      // (another test file's work, a GC) never fail it: speed itself is the bench's business.
      const started = performance.now();
      scrubComment(text);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});
