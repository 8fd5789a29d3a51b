// natural ships no types for its deep modules; we import only these two (the package root is slow and prints to stdout).
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  const jaroWinkler: (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
  export default jaroWinkler;
}
declare module 'natural/lib/natural/phonetics/double_metaphone.js' {
  export default class DoubleMetaphone {
    process(token: string, maxLength?: number): [string, string];
  }
}
