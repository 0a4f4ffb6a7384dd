import { ConfigError } from '@app/config';

/** Runs a process entry point; a bad configuration prints the variables at fault instead of a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
