import { run } from '../../shared/cli/main.js';
import type { Campaign } from '../../shared/domain/campaign.js';

/** Runs `thidua` in-process with a fixed clock, capturing its exit code and what it prints. */
export function thiduaAt(now: string, registry?: () => ReadonlyMap<string, Campaign>) {
  return async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await run(argv, io, () => new Date(now), ...(registry ? [registry] : []));
    return { code, stdout, stderr };
  };
}
