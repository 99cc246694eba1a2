/**
 * The local workbook (the embedded default) when the process dies in the middle of a save, and when intake requests
 * arrive at the same moment.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { intake } from '../../functions/intake.js';
import { CampaignRepository } from '../../shared/store/campaign-repository.js';
import { SqliteStore } from '../../shared/store/sqlite-store.js';
import { bearer, certsHandler, env, newWorkbook, postJson, server, serveHttp, testRuntime, useMsw } from '../functions/harness.js';
import { campaigns, rawIndividual } from '../support/builders.js';
import { bundle } from './bundle.js';
import { snapshotOf } from '../support/campaign.js';

useMsw();

const KILLS = 4;
let child: string | undefined;
afterAll(() => child && rmSync(child, { force: true }));

/** The nominations tab as exceljs reads the file: its response ids. */
async function idsInFile(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Hồ sơ đề nghị');
  if (!ws) throw new Error('no nominations tab');
  const ids: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) ids.push(String(row.getCell(1).value));
  });
  return ids;
}

/**
 * Runs the save loop until it has reported `saves` saves, then SIGKILLs it: `extraMs` later (anywhere in the next
 * job: reading, building, writing), or — `'writing'` — the moment its next temporary file appears, mid-write.
 */
function runAndKill(script: string, path: string, from: number, saves: number, when: number | 'writing'): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [script, path, String(from)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acknowledged = from - 1;
    let err = '';
    let armed = false;
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    const watcher = watch(dirname(path), (_, file) => {
      if (armed && when === 'writing' && String(file).startsWith(`.${basename(path)}.`) && String(file).endsWith('.tmp')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/saved (\d+)/g)) acknowledged = Number(m[1]);
      if (!armed && acknowledged - from + 1 >= saves) {
        armed = true;
        if (when !== 'writing') setTimeout(() => proc.kill('SIGKILL'), when);
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher.close();
      if (signal === 'SIGKILL' && armed) resolve(acknowledged);
      else reject(new Error(`save loop ended by itself (${String(code)} ${String(signal)}):\n${err}`));
    });
  });
}

describe('the local workbook', () => {
  test(`survives the process being killed in the middle of a save, ${KILLS} times: the last saved file stays whole`, async () => {
    const path = await newWorkbook();
    child = await bundle('test/reliability/fixtures/save-loop.ts', 'save-loop');
    let next = 0;
    let midSave = 0;
    let round = 0;
    // KILLS rounds, and more (at most 6) until one has landed while the new file was being written
    for (; round < KILLS || (midSave === 0 && round < KILLS + 6); round++) {
      const temps = () => readdirSync(dirname(path)).filter((f) => f.endsWith('.tmp')).length;
      const before = temps();
      const acknowledged = await runAndKill(child, path, next, 1 + (round % 2), round % 2 === 0 ? 'writing' : Math.floor(Math.random() * 120));
      if (temps() > before) midSave += 1;
      // the file opens, and holds every save acknowledged before the kill, each once
      const ids = await idsInFile(path);
      const expected = Array.from({ length: acknowledged + 1 }, (_, i) => `crash-${i}`);
      expect(ids.slice(0, acknowledged + 1)).toEqual(expected);
      expect(ids.length - (acknowledged + 1)).toBeLessThanOrEqual(1); // a save done but not yet reported
      expect(new Set(ids).size).toBe(ids.length);
      next = ids.length;
    }
    const store = await CampaignRepository.open(SqliteStore.forWorkbook(path), campaigns);
    const { nominations, problems } = await snapshotOf(store);
    console.log(`workbook crash: killed ${round} times (${midSave} while a temporary file was being written); ${nominations.length} nominations readable, ${problems.length} problems`);
    expect(problems).toEqual([]);
    expect(nominations.length).toBe(next);
    expect(midSave, 'at least one kill landed while the new file was being written').toBeGreaterThan(0);
  }, 90_000);

  test('takes in intake requests arriving at the same moment without losing any (one save after another)', async () => {
    server.use(certsHandler());
    const path = await newWorkbook();
    const url = await serveHttp(intake(testRuntime(env(path))));
    const payloads = Array.from({ length: 6 }, (_, i) => rawIndividual({ responseId: `same-time-${i}` }));
    // the first submission is delivered three times at once, as a retrying sender might
    const answers = await Promise.all([...payloads, payloads[0]!, payloads[0]!].map((p) => postJson(url, p, bearer())));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201, 201, 201, 201, 201, 201]);
    expect((await idsInFile(path)).sort()).toEqual(payloads.map((p) => String(p.responseId)).sort());
  });
});
