/**
 * V8 settings for a run over many articles, set by the command line (and the
 * bench) before any work. Measured on 30,000 bench articles (one thread):
 * default settings peaked at 990 MB and took 112 s; these peaked at 600 MB
 * and took 100 s.
 *
 * - A larger young generation (32 MB semi-spaces): an article's parse and
 *   facts die young instead of being promoted, so fewer, cheaper collections.
 * - The old generation grows by at most a quarter of its live size between
 *   full collections: by default V8 lets it grow up to four times when
 *   allocation is fast, and comparing a group of 100,000 facts allocates
 *   fast, so a run whose live data was ~200 MB peaked near 3 GB. At 100,000
 *   articles (one thread) a half peaked at 1,034 MB and a quarter at 921 MB,
 *   in the same time: the heap limit set while the biggest group is compared
 *   no longer lets garbage pile up through the rest of the run.
 *
 * Flags are process-wide: worker threads started later get them too. A flag
 * given in NODE_OPTIONS or on node's command line is left as given.
 */
import { setFlagsFromString } from 'node:v8';

const SETTINGS: [string, string][] = [
  ['max-semi-space-size', '--max-semi-space-size=32'],
  ['heap-growing-percent', '--heap-growing-percent=25'],
];

export function tuneHeap(): void {
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.replace(/_/g, '-');
  for (const [name, flag] of SETTINGS) if (!given.includes(name)) setFlagsFromString(flag);
}
