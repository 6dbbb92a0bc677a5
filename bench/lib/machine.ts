/** The machine and the code a run measured, for results.json: figures mean little without them. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGB: number;
  loadAverage: { atStart: number[]; atEnd?: number[] };
  node: string;
  chromium?: string;
  gitCommit: string;
  gitDirty: boolean;
}

export function describeMachine(repoRoot: string): Machine {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e8) / 10,
    loadAverage: { atStart: loadavg().map((l) => Math.round(l * 100) / 100) },
    node: process.version,
    gitCommit: git('rev-parse', 'HEAD') || 'unknown',
    gitDirty: git('status', '--porcelain') !== '',
  };
}
