/**
 * Imported first by the CLI, so that SIGINT/SIGTERM are handled from the very
 * start (before the parsers load): remove half-written temporary files, keep
 * the previous reports, exit 130/143.
 */
import { resolve, join } from 'node:path';
import { cleanupPending } from './report/write.js';

export function installSignalHandlers(): void {
  const on = (signal: NodeJS.Signals, code: number) =>
    process.on(signal, () => {
      cleanupPending();
      process.stderr.write(`\nfactlint: interrupted (${signal}); reports left as they were\n`);
      process.exit(code);
    });
  on('SIGINT', 130);
  on('SIGTERM', 143);
}

const entry = process.argv[1] ? resolve(process.argv[1]) : '';
if (entry.endsWith(join('dist', 'cli.js')) || entry.endsWith(join('bin', 'factlint')) || process.env.FACTLINT_CLI === '1') installSignalHandlers();
