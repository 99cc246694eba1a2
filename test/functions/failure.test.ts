import { describe, expect, test } from 'vitest';
import { StoreError } from '../../shared/store/table-store.js';
import { fail } from '../../functions/runtime/http.js';
import { env, serveHttp, testRuntime, useMsw } from './harness.js';

useMsw();

describe('the failure reporter of the HTTP doors', () => {
  test.each([
    ['a transient fault', new StoreError('Google tạm thời không trả lời', {}, { transient: true }), 503, 'WARNING'],
    ['a lasting fault', new StoreError('Không tìm thấy trang tính "Hồ sơ đề nghị".'), 500, 'ERROR'],
  ])('answers %s before anything was sent with %i, logged once as %s', async (_, error, status, severity) => {
    const rt = testRuntime(env('khong-dung.xlsx'));
    const url = await serveHttp((_req, res) => fail(rt, res, 'test', error));
    const res = await fetch(url);
    expect(res.status).toBe(status);
    expect(rt.lines.filter((l) => l.function === 'test')).toEqual([expect.objectContaining({ severity, error: 'StoreError' })]);
  });

  test('cuts off a download that breaks half-way, so the client sees a failed transfer and not a short file', async () => {
    const rt = testRuntime(env('khong-dung.xlsx'));
    const url = await serveHttp((_req, res) => {
      res.status(200).set('Content-Type', 'application/octet-stream');
      res.write('the first half of a workbook');
      setTimeout(() => fail(rt, res, 'test', new Error('the writer broke')), 20);
    });
    const res = await fetch(url);
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect(rt.lines.at(-1)).toMatchObject({ severity: 'ERROR', function: 'test', detail: 'the writer broke' });
  });
});
