import type { Writable } from 'node:stream';

/** A document a job has prepared: a suggested file name, and how to write it (to a file, an HTTP response …). */
export interface XlsxFile {
  name: string;
  /** Writes the whole file to `out` and ends it. */
  write(out: Writable): Promise<void>;
}
