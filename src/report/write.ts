/**
 * Reports are written atomically: to a temporary file beside the target, then
 * renamed over it, so an interrupted run never leaves a half-written report.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

const pending = new Set<string>();

export function writeAtomic(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
}

/** Remove temporary files of writes cut short (called on SIGINT/SIGTERM). */
export function cleanupPending(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}
