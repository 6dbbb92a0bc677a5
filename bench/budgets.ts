/**
 * The budgets of issue 12, in one place. Figures are ratios against a baseline measured in the same
 * run wherever the issue says so; absolute times are printed for reference only.
 * Only the full run judges them (verdict.ts); never loosen one here without saying so in the README.
 */
export interface Budget {
  /** The figure must be at most (`max`) or at least (`min`) the limit. */
  kind: 'max' | 'min';
  limit: number;
}

export const BUDGETS = {
  bundleKB: { kind: 'max', limit: 20 },
  tapP75Ms: { kind: 'max', limit: 32 },
  tapMaxMs: { kind: 'max', limit: 100 },
  coldLoadRatio: { kind: 'max', limit: 1.5 },
  idleBusyPercent: { kind: 'max', limit: 2 },
  soakHeapGrowthPercent: { kind: 'max', limit: 5 },
  storageP50Ratio: { kind: 'max', limit: 3 },
  exportRateRatio: { kind: 'min', limit: 0.7 },
  exportStallMs: { kind: 'max', limit: 50 },
} satisfies Record<string, Budget>;

export function meets(budget: Budget, value: number): boolean {
  return budget.kind === 'max' ? value <= budget.limit : value >= budget.limit;
}
