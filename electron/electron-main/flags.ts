/** The Electron shell's own command-line switches. */
export interface MainFlags {
  /** `--dev`: devtools and browser shortcuts stay on. Never implied by running unpackaged. */
  dev: boolean;
  /** `--data-dir=DIR`, as `clinic-kiosk start --data-dir` passes it. */
  dataDir: string | undefined;
}

export function parseMainFlags(argv: readonly string[]): MainFlags {
  return {
    dev: argv.includes('--dev'),
    dataDir: argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length),
  };
}
