import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

/**
 * The layering is checked, not hoped for: doors (functions/, shared/cli/) over jobs (shared/jobs/) over the pure
 * domain (shared/domain/) and the adapters (shared/store/, shared/google/, shared/exports/ …). Every import of every
 * source file is read with TypeScript's own scanner (static and dynamic ones) and held against the rules below.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/** A module a file may never import: a folder of the project (`shared/cli/`) or a package or builtin (`exceljs`, `node:`). */
interface Rule {
  name: string;
  /** The files the rule is about (path prefix from the repository root). */
  from: string;
  /** Imports it may not make: project folders (ending in /) or packages (exact, or a prefix ending in ':' or '/'). */
  forbidden: string[];
}

const IO_PACKAGES = ['node:', 'fs', 'path', 'exceljs', 'googleapis', '@googleapis/', 'google-auth-library', '@google-cloud/', 'csv-parse'];
const DOORS = ['functions/', 'shared/cli/'];

export const RULES: Rule[] = [
  { name: 'the domain is pure: no I/O, no adapter, no job, no door', from: 'shared/domain/', forbidden: [...IO_PACKAGES, 'shared/store/', 'shared/google/', 'shared/jobs/', 'shared/exports/', 'shared/forms/', 'shared/status/', 'shared/templates/', ...DOORS] },
  { name: 'the plan draft is pure: no I/O, no adapter, no job, no door', from: 'shared/plan-draft/', forbidden: [...IO_PACKAGES, 'mammoth', 'pdfjs-dist/', 'shared/plan-files/', 'shared/store/', 'shared/google/', 'shared/jobs/', 'shared/exports/', 'shared/templates/', ...DOORS] },
  { name: 'the plan file reader imports no store, job or door', from: 'shared/plan-files/', forbidden: ['shared/store/', 'shared/google/', 'shared/jobs/', ...DOORS] },
  { name: 'the functions never import the CLI', from: 'functions/', forbidden: ['shared/cli/'] },
  { name: 'the CLI never imports the functions', from: 'shared/cli/', forbidden: ['functions/'] },
  { name: 'jobs import no door', from: 'shared/jobs/', forbidden: DOORS },
  { name: 'the repository and its codecs import no job and no door', from: 'shared/store/', forbidden: ['shared/jobs/', ...DOORS] },
  { name: 'the Google kit imports no job and no door', from: 'shared/google/', forbidden: ['shared/jobs/', ...DOORS] },
  { name: 'the documents import no store, job or door', from: 'shared/exports/', forbidden: ['shared/store/', 'shared/google/', 'shared/jobs/', ...DOORS] },
  { name: 'the form mapping imports no store, job or door', from: 'shared/forms/', forbidden: ['shared/store/', 'shared/jobs/', ...DOORS] },
];

/** The imports of one TypeScript source, as written (`../store/x.js`, `exceljs`), static and dynamic. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** An import as the rules name it: a project path from the root (`shared/store/x.js`), or the package as written. */
export function target(fromFile: string, spec: string): string {
  return spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(fromFile), spec)).split('\\').join('/') : spec;
}

const isForbidden = (imported: string, forbidden: string): boolean =>
  forbidden.endsWith('/') || forbidden.endsWith(':') ? imported.startsWith(forbidden) || imported === forbidden.slice(0, -1) : imported === forbidden;

/** Every broken rule in a set of files: "file → import (rule)". */
export function violations(files: ReadonlyArray<{ path: string; source: string }>, rules: readonly Rule[] = RULES): string[] {
  const found: string[] = [];
  for (const file of files) {
    for (const rule of rules.filter((r) => file.path.startsWith(r.from))) {
      for (const spec of importsOf(file.source)) {
        const imported = target(file.path, spec);
        if (rule.forbidden.some((f) => isForbidden(imported, f))) found.push(`${file.path} → ${spec} (${rule.name})`);
      }
    }
  }
  return found;
}

function sources(dir: string): Array<{ path: string; source: string }> {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => {
      const path = relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/');
      return { path, source: readFileSync(join(ROOT, path), 'utf8') };
    });
}

describe('the layering', () => {
  test.each(RULES.map((r) => [r.name, r] as const))('holds: %s', (_, rule) => {
    expect(violations([...sources('shared'), ...sources('functions')], [rule])).toEqual([]);
  });

  test.each([
    ['functions/export-list.ts', "import { exportCommand } from '../shared/cli/commands.js';", 'the functions never import the CLI'],
    ['functions/intake.ts', "const { run } = await import('../shared/cli/main.js');", 'the functions never import the CLI'],
    ['shared/cli/main.ts', "import { doors } from '../../functions/index.js';", 'the CLI never imports the functions'],
    ['shared/domain/decide.ts', "import { readFileSync } from 'node:fs';", 'the domain is pure: no I/O, no adapter, no job, no door'],
    ['shared/domain/decide.ts', "import ExcelJS from 'exceljs';", 'the domain is pure: no I/O, no adapter, no job, no door'],
    ['shared/domain/appraise.ts', "import type { CampaignRepository } from '../store/campaign-repository.js';", 'the domain is pure: no I/O, no adapter, no job, no door'],
    ['shared/jobs/intake.ts', "import { EXIT } from '../cli/io.js';", 'jobs import no door'],
    ['shared/store/campaign-repository.ts', "import { intake } from '../jobs/intake.js';", 'the repository and its codecs import no job and no door'],
  ])('catches a deliberate wrong-way import in %s: %s', (path, source, rule) => {
    expect(violations([{ path, source }])).toEqual([`${path} → ${source.match(/'([^']+)'/)![1]} (${rule})`]);
  });

  test('lets the right-way imports through', () => {
    expect(violations([
      { path: 'functions/intake.ts', source: "import { intake } from '../shared/jobs/intake.js';" },
      { path: 'shared/cli/commands.ts', source: "import { recompute } from '../jobs/recompute.js';" },
      { path: 'shared/jobs/intake.ts', source: "import { IntakeSession } from '../domain/intake.js';\nimport type { CampaignRepository } from '../store/campaign-repository.js';" },
      { path: 'shared/domain/decide.ts', source: "import { z } from 'zod';\nimport { appraise } from './appraise.js';" },
    ])).toEqual([]);
  });
});
