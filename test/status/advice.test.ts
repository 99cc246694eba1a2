import { describe, expect, test } from 'vitest';
import { FINDING_CODES, FINDINGS } from '../../shared/domain/findings.js';
import { ADVICE } from '../../shared/status/advice.js';

describe('what to do about each finding', () => {
  test.each(FINDING_CODES)('%s has a "what to do" line in Vietnamese', (code) => {
    const advice = ADVICE[code];
    expect(advice, `no advice for ${code}: add it to shared/status/advice.ts`).toBeDefined();
    expect(advice.todo.trim().length).toBeGreaterThan(10);
    expect(advice.todo).toMatch(/[.)]$/);
    expect(advice.todo).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });

  test('no advice is left for a code that no longer exists', () => {
    expect(Object.keys(ADVICE).sort()).toEqual([...FINDING_CODES].sort());
  });

  test('only notes for the council (severity info) are kept from the unit: nothing that blocks a nomination is hidden', () => {
    const hidden = FINDING_CODES.filter((c) => ADVICE[c].audience === 'council');
    expect(hidden.length).toBeGreaterThan(0);
    for (const code of hidden) expect(FINDINGS[code].severity, code).toBe('info');
  });
});
