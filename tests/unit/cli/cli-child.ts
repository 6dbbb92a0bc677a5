/**
 * The `clinic-kiosk` command as an operator runs it, in a child process: `node --import tsx
 * electron/node-cli/main.ts …`, the CLI from its TypeScript sources, so no build is needed first
 * (`serve` answers the API without a built UI).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN_HEADER } from '../../../electron/node-browser-shell/http-transport.js';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Node's arguments that run the CLI: `spawn(process.execPath, [...CLI, 'serve', …])`. */
export const CLI = ['--import', 'tsx', join(repo, 'electron', 'node-cli', 'main.ts')];

export interface CliChild {
  child: ChildProcess;
  /** Once it ended and its output is all read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

/** Runs `clinic-kiosk <args>` with `input` on its stdin and `env` over this process's. */
export function spawnCli(args: string[], { input = '', env = {} }: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliChild {
  const child = spawn(process.execPath, [...CLI, ...args], { cwd: repo, stdio: 'pipe', env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal }));
  });
  // A command that refuses its arguments may exit before reading stdin: the write then fails
  // with EPIPE, which is expected; the exit code and stderr tell the test what happened.
  child.stdin.on('error', () => {});
  child.stdin.end(input);
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

export interface ServeChild {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output: () => string;
  exited: Promise<number | null>;
  /** POSTs `input` to /api/<method> with this launch's token; status and parsed body. */
  call(method: string, input: unknown): Promise<{ status: number; json: any }>;
}

/** Starts `clinic-kiosk serve --port 0` and waits for the link that carries the API token. */
export async function startServe(dataDir: string): Promise<ServeChild> {
  const child = spawn(process.execPath, [...CLI, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolvePromise) => child.on('exit', (code) => resolvePromise(code)));
  const link = await new Promise<URL>((resolvePromise, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /^Kiosk ready at (\S+#token=\S+)$/m.exec(output);
      if (match) resolvePromise(new URL(match[1]!));
    });
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}):\n${output}`)));
  });
  const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
  return {
    child,
    output: () => output,
    exited,
    async call(method, input) {
      const response = await fetch(new URL(`/api/${method}`, link.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: response.status, json: await response.json() };
    },
  };
}
