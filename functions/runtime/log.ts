/** Cloud Logging severities used here. */
export type Severity = 'DEBUG' | 'INFO' | 'NOTICE' | 'WARNING' | 'ERROR';

/**
 * Fields of a log line. Only what the council itself sees in the sheet — ids, codes, counts, the campaign — never a
 * name, an email, a payload or a credential.
 */
export type LogFields = Record<string, string | number | boolean | string[] | undefined>;

export type Logger = (severity: Severity, message: string, fields?: LogFields) => void;

/**
 * One JSON object per line on stdout: Cloud Logging reads `severity` and `message` and keeps the rest as the entry's
 * jsonPayload (structured logging of Cloud Run functions).
 */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  return (severity, message, fields = {}) => {
    const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    write(JSON.stringify({ severity, message, ...defined }));
  };
}
