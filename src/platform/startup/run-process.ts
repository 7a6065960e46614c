import { EnvironmentError } from '../config/environment';
import { EmbeddedPostgresError } from '../database/embedded-postgres-errors';
import { DependencyUnavailableError } from './dependency-check';

/** Starts a process; configuration and dependency problems end it with their message, not a trace. */
export function runProcess(name: string, start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    if (
      error instanceof EnvironmentError ||
      error instanceof DependencyUnavailableError ||
      error instanceof EmbeddedPostgresError
    ) {
      process.stderr.write(`\n${name} cannot start.\n${error.message}\n\n`);
    } else {
      process.stderr.write(`\n${name} failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exit(1);
  });
}
