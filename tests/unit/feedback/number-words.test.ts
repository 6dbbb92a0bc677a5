import { describe, expect, it } from 'vitest';
import { NUMBER_RUN, saysNumber, spokenDigits } from '../../../electron/common/feedback/number-words.js';

const runs = (text: string) => [...text.matchAll(NUMBER_RUN)].map((match) => match[0]);

describe('numbers in words', () => {
  it.each([
    ['forty one', 2],
    ['twenty', 2],
    ['nine hundred', 3],
    ['nine hundred and twelve', 3],
    ['nineteen eighty five', 4],
    ['two thousand three hundred', 4],
    ['twenty five thousand', 5],
    ['two hundred and fifty thousand', 6],
    ['double oh', 2],
    ['triple 5', 3],
    ['nine hundred, one two three', 6],
    ['oh seven seven double oh, nine hundred, one two three', 11],
    ['07700 nine hundred', 8],
    ['cuarenta y un', 2],
    ['mil novecientos ochenta y cinco', 4],
    ['dos mil veinticuatro', 4],
    ['seis cero cero, doce, treinta y cuatro', 7],
    ['novecientos ochenta y siete', 3],
    ['DIECISÉIS dieciseis', 4],
  ])('%j takes %i digits to write', (run, digits) => {
    expect(runs(run)).toEqual([run]);
    expect(spokenDigits(run)).toBe(digits);
  });

  it('finds whole words only, and breaks a run at "or", "o" and other words', () => {
    expect(runs('someone gave one or two; uno o dos; ten tents')).toEqual(['one', 'two', 'uno', 'dos', 'ten']);
  });

  it('tells a run with a number word from digits and connectors alone', () => {
    expect(saysNumber('2020 and 2022')).toBe(false);
    expect(saysNumber('2020 and two')).toBe(true);
  });
});
