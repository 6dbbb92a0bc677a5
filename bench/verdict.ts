/**
 * What a run's figures mean for its exit code. Every budget is compared in both modes so the table
 * always shows pass/FAIL, but only the full run judges: `--quick` (CI's smoke run) runs on shared,
 * noisy machines with small counts, and the merged code does not meet every budget yet, so a quick
 * run fails only when a measure produced no figure, which is what keeps the harness working.
 */
import { meets } from './budgets.js';
import type { Figure, JudgedFigure } from './figures.js';

export interface Verdict {
  figures: JudgedFigure[];
  /** Budgets this run's figures do not meet, one line each (reported in both modes). */
  broken: string[];
  /** Figures a measure failed to produce. */
  missing: string[];
  /** 1 when a figure is missing, or (full run only) a budget is broken. */
  exitCode: 0 | 1;
}

export function judge(figures: readonly Figure[], quick: boolean): Verdict {
  const judged = figures.map((f) => ({ ...f, pass: f.budget && f.value !== null ? meets(f.budget, f.value) : null }));
  const broken = judged
    .filter((f) => f.pass === false)
    .map((f) => `${f.key}: ${f.value} ${f.unit}, budget ${f.budget!.kind === 'max' ? '≤' : '≥'} ${f.budget!.limit}`);
  const missing = judged.filter((f) => f.value === null).map((f) => `${f.key}: ${f.note ?? 'no figure'}`);
  const failed = missing.length > 0 || (!quick && broken.length > 0);
  return { figures: judged, broken, missing, exitCode: failed ? 1 : 0 };
}
