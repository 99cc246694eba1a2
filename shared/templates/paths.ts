import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `sheets-templates/` folder of the installed project, found from this module whether it runs from source or dist. */
export function templatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'sheets-templates');
    if (existsSync(join(candidate, 'sheet-layouts.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sheets-templates/ not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}
