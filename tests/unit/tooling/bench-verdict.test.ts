import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../../bench/budgets.js';
import type { Figure } from '../../../bench/figures.js';
import { judge } from '../../../bench/verdict.js';

// The merged main's bundle (about 39 KB against 20 KB) and a figure with no budget.
const overBudget: Figure = { key: 'bundle.patientKB', measure: 'Bundle', label: 'patient JS+CSS', value: 39.4, unit: 'KB', budget: BUDGETS.bundleKB };
const tapMet: Figure = { key: 'tap.p75Ms', measure: 'Tap latency', label: 'p75', value: 20, unit: 'ms', budget: BUDGETS.tapP75Ms };
const noBudget: Figure = { key: 'sync.rowsPerSecond', measure: 'Sync', label: 'rows/s', value: 5000, unit: 'rows/s' };
const noFigure: Figure = { key: 'Sync.error', measure: 'Sync', label: 'the measure failed', value: null, unit: '', note: 'failed: no PostgreSQL' };

describe('the bench verdict', () => {
  it('quick run: a broken budget is shown as FAIL but does not fail the run', () => {
    const verdict = judge([overBudget, tapMet, noBudget], true);
    expect(verdict.exitCode).toBe(0);
    expect(verdict.figures.map((f) => f.pass)).toEqual([false, true, null]);
    expect(verdict.broken).toEqual(['bundle.patientKB: 39.4 KB, budget ≤ 20']);
  });

  it('quick run: a measure that produced no figure fails the run', () => {
    const verdict = judge([overBudget, noFigure], true);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.missing).toEqual(['Sync.error: failed: no PostgreSQL']);
  });

  it('full run: each broken budget fails the run and is named', () => {
    const verdict = judge([overBudget, tapMet, noBudget], false);
    expect(verdict.exitCode).toBe(1);
    expect(verdict.broken).toEqual(['bundle.patientKB: 39.4 KB, budget ≤ 20']);
  });

  it('full run: all budgets met and every figure present passes', () => {
    expect(judge([tapMet, noBudget], false).exitCode).toBe(0);
  });
});
