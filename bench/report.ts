/** The readable table at the end of a run, as text for the terminal and as Markdown for the README. */
import type { JudgedFigure } from './figures.js';

const budgetText = (f: JudgedFigure) => (f.budget ? `${f.budget.kind === 'max' ? '≤' : '≥'} ${f.budget.limit} ${f.unit}`.trim() : '');
const valueText = (f: JudgedFigure) => (f.value === null ? (f.note ?? 'no figure') : `${f.value} ${f.unit}`.trim());
const resultText = (f: JudgedFigure) => (f.pass === true ? 'pass' : f.pass === false ? 'FAIL' : f.budget ? 'not judged' : '');

function rows(figures: readonly JudgedFigure[]): string[][] {
  return figures.map((f) => [f.measure, f.label, valueText(f), budgetText(f), resultText(f)]);
}

const HEADER = ['measure', 'figure', 'value', 'budget', 'result'];

export function textTable(figures: readonly JudgedFigure[]): string {
  const all = [HEADER, ...rows(figures)];
  const widths = HEADER.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(figures: readonly JudgedFigure[]): string {
  const line = (row: string[]) => `| ${row.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows(figures).map(line)].join('\n');
}
