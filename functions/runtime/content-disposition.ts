/**
 * `Content-Disposition: attachment` for a Vietnamese file name: an ASCII fallback (`filename=`, tone marks and đ
 * dropped, unsafe characters replaced) and the real name in UTF-8 (`filename*=UTF-8''…`, RFC 6266 / RFC 8187), which
 * every current browser uses.
 *
 * @example contentDisposition('Danh sách Giấy khen 2024.xlsx')
 *   // attachment; filename="Danh sach Giay khen 2024.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20Gi%E1%BA%A5y%20khen%202024.xlsx
 */
export function contentDisposition(name: string): string {
  const clean = name.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, ' ').replace(/\s+/g, ' ').trim();
  const ascii = clean
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["%;]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
