/**
 * Reports are written atomically: to a temporary file beside the target, then
 * renamed over it, so an interrupted run never leaves a half-written report.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { batched } from './stream.js';

const pending = new Set<string>();

export function writeAtomic(file: string, content: string | Iterable<string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    if (typeof content === 'string') writeFileSync(tmp, content);
    else {
      const fd = openSync(tmp, 'w');
      try {
        for (const piece of batched(content)) writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    }
    renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    rmSync(tmp, { force: true });
  }
}

/** A file written piece by piece and renamed into place by commit(); abort() (or a signal) removes it. */
export interface AtomicWriter {
  /** Text, or bytes as they are (a file copied in pieces: a piece may end inside a character). */
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

export function atomicWriter(file: string): AtomicWriter {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  pending.add(tmp);
  let fd: number | undefined = openSync(tmp, 'w');
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    pending.delete(tmp);
  };
  return {
    write(chunk) {
      if (fd === undefined || !chunk.length) return;
      // writeSync has one overload for text and one for bytes
      if (typeof chunk === 'string') writeSync(fd, chunk);
      else writeSync(fd, chunk);
    },
    commit() {
      close();
      renameSync(tmp, file);
    },
    abort() {
      close();
      rmSync(tmp, { force: true });
    },
  };
}

/** Remove temporary files of writes cut short (called on SIGINT/SIGTERM). */
export function cleanupPending(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}
