import type { AuditEntry } from '../../domain/audit.js';
import type { Row } from '../table-store.js';

/** The audit tab ("Nhật ký thay đổi"): one row per recorded change, text as the council saw it. */

export const auditRow = (e: AuditEntry): Row => ({ at: e.at, by: e.by, responseId: e.responseId, field: e.field, old: e.old, new: e.new });

const text = (value: Row[string] | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A row read back as an entry (an audit row is text; nothing in it can be unreadable). */
export const readAuditRow = (row: Row): AuditEntry => ({ at: text(row.at), by: text(row.by), responseId: text(row.responseId), field: text(row.field), old: text(row.old), new: text(row.new) });
