import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MANIFEST_FILE, manifestBody, PACKAGE_FORMAT, PACKAGE_VERSION, ProposalManifest } from '../domain/proposal-manifest.js';

/** SHA-256 of bytes, in lower-case hex. */
export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The package as a .zip (fflate, docs/decisions/012): `manifest.json` (with its digest) at the root, then every file
 * at the path the manifest gives. Deterministic for the same input (fixed file times), so a package made twice from
 * the same campaign is byte for byte the same.
 */
export function packProposal(manifest: Omit<ProposalManifest, 'digest'>, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const digest = sha256Hex(manifestBody(manifest));
  const entries: Zippable = { [MANIFEST_FILE]: strToU8(JSON.stringify({ ...manifest, digest }, null, 2)) };
  for (const [path, bytes] of files) entries[path] = bytes;
  return zipSync(entries, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}

export type Unpacked = { ok: true; manifest: ProposalManifest; files: Map<string, Uint8Array> } | { ok: false; problems: string[] };

/**
 * Opens a package and checks it before anything is taken in: a .zip, a manifest of this format and version whose
 * fields parse, whose digest matches its content (not edited after export), and every file it lists present with the
 * same SHA-256 and size. Each problem names the package, the file or the manifest's field, in Vietnamese.
 */
export function unpackProposal(bytes: Uint8Array, fileName: string): Unpacked {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return { ok: false, problems: [`Tệp "${fileName}" không phải gói đề nghị (.zip) đọc được.`] };
  }
  const raw = entries[MANIFEST_FILE];
  if (!raw) return { ok: false, problems: [`Gói "${fileName}" không có tệp ${MANIFEST_FILE}: không phải gói đề nghị do thidua xuất.`] };
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(raw));
  } catch (cause) {
    return { ok: false, problems: [`Gói "${fileName}": tệp ${MANIFEST_FILE} không phải JSON hợp lệ (${cause instanceof Error ? cause.message : String(cause)}).`] };
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head?.format !== PACKAGE_FORMAT) return { ok: false, problems: [`Gói "${fileName}": ${MANIFEST_FILE}, trường "format" phải là "${PACKAGE_FORMAT}" (nhận được "${String(head?.format)}").`] };
  if (head.version !== PACKAGE_VERSION) return { ok: false, problems: [`Gói "${fileName}": ${MANIFEST_FILE}, trường "version" là ${String(head.version)}; phiên bản này đọc gói phiên bản ${PACKAGE_VERSION}. Hãy cập nhật thidua hoặc xuất lại gói.`] };
  const parsed = ProposalManifest.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `Gói "${fileName}": ${MANIFEST_FILE}, trường "${i.path.map(String).join('.')}": ${i.message}`) };
  const manifest = parsed.data;
  const problems: string[] = [];
  if (sha256Hex(manifestBody(json as ProposalManifest)) !== manifest.digest) problems.push(`Gói "${fileName}": tệp ${MANIFEST_FILE} đã bị sửa sau khi xuất (mã kiểm tra "digest" không khớp nội dung). Hãy đề nghị cấp dưới xuất lại gói.`);
  const files = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const content = entries[f.path];
    if (!content) problems.push(`Gói "${fileName}": thiếu tệp "${f.path}" mà ${MANIFEST_FILE} liệt kê.`);
    else if (content.length !== f.bytes || sha256Hex(content) !== f.sha256) problems.push(`Gói "${fileName}": tệp "${f.path}" đã bị thay đổi sau khi xuất (mã kiểm tra SHA-256 không khớp).`);
    else files.set(f.path, content);
  }
  return problems.length ? { ok: false, problems } : { ok: true, manifest, files };
}
