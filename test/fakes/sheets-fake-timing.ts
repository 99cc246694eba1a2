/**
 * The timing faults of the Sheets fake (`late`, `truncated`; `held` needs nothing but a wait): a write Google applies
 * after the client has given up on it, and an answer cut short after the request was applied. Driven by promises the
 * test settles, never by a clock.
 */
import { HttpResponse } from 'msw';

interface Recorded {
  outcome: number | 'dropped';
  lateOutcome?: number;
}

export class TimingFaults {
  private readonly pending: Promise<void>[] = [];
  /** How many `late` requests were applied (a 200) and refused (anything else) when their time came. */
  readonly late = { applied: 0, refused: 0 };

  /** A request whose body can still be read once the client has been answered. */
  static async copyOf(request: Request): Promise<Request> {
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    return new Request(request.url, { method: request.method, headers: request.headers, ...(body === undefined ? {} : { body }) });
  }

  /** No answer now; `apply` runs once `until` settles (late or never, as Google may). */
  lateRequest(until: Promise<unknown>, record: Recorded, apply: () => Promise<Response>): Response {
    record.outcome = 'dropped';
    this.pending.push(
      until.then(
        async () => {
          const response = await apply();
          record.lateOutcome = response.status;
          if (response.ok) this.late.applied += 1;
          else this.late.refused += 1;
        },
        () => undefined,
      ),
    );
    return HttpResponse.error();
  }

  /** Google's answer, cut to half its bytes (still a `200`). */
  async truncated(response: Response, record: Recorded): Promise<Response> {
    record.outcome = response.status;
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: response.status, headers: { 'content-type': 'application/json; charset=UTF-8' } });
  }

  /** Waits until every late request has been applied or refused (open their gates first). */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}
