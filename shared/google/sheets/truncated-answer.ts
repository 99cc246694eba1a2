/** How the kit's fault classification (`faultOf`) knows an error of the HTTP client, across copies of gaxios. */
const GAXIOS_ERROR = Symbol.for('gaxios-gaxios-error');

/**
 * A `200` whose body is not the JSON object the Sheets API always answers — cut short on its way, for instance.
 * gaxios hands such a body over as a string instead of failing, and a read would then look like an empty tab. It is
 * thrown as a fault of the connection (no usable answer, outcome unknown): retried like a dropped connection, and
 * for a write told apart by the same means (the fence, decision 008; positions, decision 001).
 */
export class TruncatedAnswerError extends Error {
  override readonly name = 'TruncatedAnswerError';
  readonly [GAXIOS_ERROR] = true;
  constructor(readonly what: string) {
    super(`Google answered 200 with a body that is not JSON (${what}): taken as no answer.`);
  }
}

/** `data` unless the answer's body was not a JSON object. */
export function wholeAnswer<T>(what: string, answer: { data: T }): { data: T } {
  if (typeof answer.data !== 'object' || answer.data === null) throw new TruncatedAnswerError(what);
  return answer;
}
