import type * as Sqlite from 'node:sqlite';

let loaded: Promise<typeof Sqlite> | undefined;

/**
 * Node's built-in SQLite (`node:sqlite`, no flag from Node 22.13). Node 22 and 24 still print an ExperimentalWarning
 * when it is first loaded; that line means nothing to a secretary running `thidua`, so it alone is held back (every
 * other warning goes through).
 */
export function loadSqlite(): Promise<typeof Sqlite> {
  loaded ??= (async () => {
    const emit = process.emitWarning;
    process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
      const text = typeof warning === 'string' ? warning : warning.message;
      const type = typeof warning === 'string' ? (typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type) : warning.name;
      if (type === 'ExperimentalWarning' && /SQLite/i.test(text)) return;
      return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
    }) as typeof process.emitWarning;
    try {
      return await import('node:sqlite');
    } finally {
      process.emitWarning = emit;
    }
  })();
  return loaded;
}
