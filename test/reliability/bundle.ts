import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript entry (and the project's own modules it imports) into one ES module a child `node` can run,
 * straight from the sources — no dependence on a `dist/` that may be older than them. Packages stay imports, resolved
 * from the project's node_modules (the bundle is written under node_modules/.cache). Uses rolldown, vitest's bundler.
 */
export async function bundle(entry: string, name: string): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/thidua-tests');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}.mjs`);
  await build({
    input: join(ROOT, entry),
    platform: 'node',
    external: [/^[^./]/],
    write: true,
    logLevel: 'silent',
    output: { file, format: 'esm', codeSplitting: false },
  });
  return file;
}
