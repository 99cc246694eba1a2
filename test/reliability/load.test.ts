/**
 * A load test against `npm start`'s real server on a free 127.0.0.1 port, on the local workbook: many intake
 * requests at once, a fifth of them repeated deliveries of a `responseId` already sent (some while the first is still
 * in flight). Bounded in count, concurrency and time; prints throughput and latency. The suite runs a small load;
 * `npm run load` runs 400 requests, 50 at a time (THIDUA_LOAD_REQUESTS, THIDUA_LOAD_CONCURRENCY).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { rawIndividual } from '../support/builders.js';
import { pool } from './google-harness.js';
import { startLocalServer } from '../support/local-server.js';

const REQUESTS = Number(process.env.THIDUA_LOAD_REQUESTS ?? 40);
const CONCURRENCY = Number(process.env.THIDUA_LOAD_CONCURRENCY ?? 10);
/** No request may take longer than this; the whole run is bounded by REQUESTS × this / CONCURRENCY. */
const REQUEST_TIMEOUT_MS = 60_000;

let stop: (() => Promise<void>) | undefined;
afterAll(async () => stop?.());

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('npm start under load', () => {
  test(`${REQUESTS} intake requests, ${CONCURRENCY} at a time, a fifth of them repeated: one row per distinct response`, async () => {
    // GIVEN the local server on a fresh workbook, and a stream where every fifth request repeats an earlier one
    const workbook = join(mkdtempSync(join(tmpdir(), 'thidua-load-')), 'van-ninh.xlsx');
    const server = await startLocalServer(workbook);
    stop = server.stop;
    const distinct: Array<Record<string, unknown>> = [];
    const stream = Array.from({ length: REQUESTS }, (_, i) => {
      if (i % 5 === 4 && distinct.length > 0) return distinct[Math.max(0, distinct.length - 1 - (i % 7))]!;
      const body = rawIndividual({ responseId: `load-${i}`, name: `Người thử tải ${i}` });
      distinct.push(body);
      return body;
    });

    // WHEN they are all posted, CONCURRENCY at a time
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const started = performance.now();
    await pool(stream, CONCURRENCY, async (body) => {
      const t = performance.now();
      const res = await fetch(`${server.base}/intake`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    });
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `npm start under load: ${REQUESTS} requests (${distinct.length} distinct), concurrency ${CONCURRENCY}: ${seconds.toFixed(1)} s, ` +
        `${(REQUESTS / seconds).toFixed(1)} requests/s, p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, answers ${JSON.stringify(statuses)}`,
    );

    // THEN every distinct response is taken in once (201), every repeat is "already stored" (200), and the workbook
    // holds exactly one row per distinct response
    expect(statuses).toEqual({ 201: distinct.length, 200: REQUESTS - distinct.length });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(workbook) as unknown as ExcelJS.Buffer);
    const ids: string[] = [];
    wb.getWorksheet('Hồ sơ đề nghị')!.eachRow((row, n) => void (n > 1 && ids.push(String(row.getCell(1).value))));
    expect(ids.sort()).toEqual(distinct.map((d) => String(d.responseId)).sort());
    await server.stop();
    expect(server.output()).not.toContain('"severity":"ERROR"');
    expect(server.output(), 'the log names no nominee').not.toContain('Người thử tải');
  }, 240_000);
});
