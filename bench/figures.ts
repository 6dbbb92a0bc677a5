/** What every measure returns: named figures, some with a budget, the rest for reference. */
import type { Budget } from './budgets.js';

export interface Figure {
  /** Stable id, e.g. `tap.p75Ms`: the key in results.json. */
  key: string;
  /** Which measure of the issue it belongs to (the table groups by it). */
  measure: string;
  label: string;
  /** null when the measure could not produce it (see `note`). */
  value: number | null;
  unit: string;
  budget?: Budget;
  note?: string;
}

export interface JudgedFigure extends Figure {
  /** null: no budget, or not judged in this mode. */
  pass: boolean | null;
}

/** Rounds for display and for results.json (no false precision from a noisy machine). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p% of the values at or below it.
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
