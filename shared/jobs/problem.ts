/**
 * An expected failure of a job, as a value: a machine code and a Vietnamese message for the person who asked. The
 * HTTP door turns it into a 4xx, the CLI into exit code 1. Infrastructure faults are thrown instead (StoreError,
 * FormsError …), with `transient` saying whether trying again may help.
 */
export const ProblemCode = [
  'UNKNOWN_CAMPAIGN',
  'WRONG_CAMPAIGN',
  'UNKNOWN_AWARD',
  'EMPTY_LIST',
  'BAD_SETTINGS',
  /** A document dated on a day its authority or issuing body does not exist (two-tier local government, 01/7/2025). */
  'BODY_CEASED',
  'FORM_MAPPING_MISSING',
  'FORM_NOT_CREATED',
  'BAD_FILE',
  'YEAR_OUTSIDE_TERM',
  /** `campaign new` on a workbook that already holds a campaign or a filled "Kế hoạch" tab. */
  'CAMPAIGN_EXISTS',
  /** The minutes of the council's meeting were asked for, but no meeting of the council voted on the nominees. */
  'NO_MINUTES',
  /** A nominee's document was asked for by an id no proposed nomination has. */
  'UNKNOWN_NOMINATION',
  /** A proposal package that cannot be taken in: not a package, a tampered manifest, a missing or changed file. */
  'BAD_PACKAGE',
  /** A package asked for an award the lower level grants itself: nothing to send up. */
  'NOT_UPWARD',
] as const;
export type ProblemCode = (typeof ProblemCode)[number];

export interface JobProblem {
  code: ProblemCode;
  message: string;
}

/** What a job that can fail in an expected way returns. */
export type JobResult<T> = { ok: true; value: T } | { ok: false; problem: JobProblem };

export const done = <T>(value: T): JobResult<T> => ({ ok: true, value });
export const problem = (code: ProblemCode, message: string): { ok: false; problem: JobProblem } => ({ ok: false, problem: { code, message } });
