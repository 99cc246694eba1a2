import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../support/builders.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'thidua.js');

describe('the installed thidua command (bin/thidua.js over the build)', () => {
  test('prints its usage and exits 0 for --help', () => {
    const result = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Cách dùng: thidua <lệnh>');
  });

  test('exits 1 with a message when misused', () => {
    const result = spawnSync(process.execPath, [bin, 'score', '--store', join(tempDir(), 'khong-co.xlsx')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Chưa có sổ làm việc');
  });
});
