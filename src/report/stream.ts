/**
 * JSON.stringify(value, null, 2) in pieces: the same bytes, but never one
 * string for the whole document (a run over 100,000 articles makes JSON and
 * SARIF reports larger than the longest string V8 can hold). The outer levels
 * are written piece by piece, everything deeper by JSON.stringify itself.
 */

/** Levels written piece by piece; below them each value is one JSON.stringify call. */
const STREAMED_DEPTH = 5;

export function* jsonChunks(value: unknown, indent = '', depth = 0): Generator<string> {
  if (depth >= STREAMED_DEPTH || value === null || typeof value !== 'object') {
    yield (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const v = value[i];
      // as JSON.stringify: undefined and functions in arrays become null
      yield* jsonChunks(v === undefined || typeof v === 'function' ? null : v, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${i ? ',' : ''}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonChunks(v, inner, depth + 1);
  }
  yield `\n${indent}}`;
}

/** Pieces joined into strings of about `size` characters (fewer, larger writes). */
export function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const c of chunks) {
    buf.push(c);
    n += c.length;
    if (n >= size) {
      yield buf.join('');
      buf = [];
      n = 0;
    }
  }
  if (buf.length) yield buf.join('');
}
