/**
 * Why an input file cannot be read, in Vietnamese a secretary can act on: the file, the line and column where it
 * applies, and what to do. Node's and the parsers' own (English) messages never reach the user.
 */

/** A file that cannot be opened: not there, a folder, no permission. */
export function fileProblem(file: string, cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `Không tìm thấy tệp "${file}". Hãy kiểm tra tên tệp (kể cả phần đuôi .csv, .json, .xlsx) và thư mục đang đứng; có thể kéo thả tệp vào cửa sổ dòng lệnh để dán đúng đường dẫn.`;
    case 'EISDIR':
      return `"${file}" là một thư mục, không phải tệp. Hãy ghi đường dẫn đến chính tệp cần đọc.`;
    case 'EACCES':
    case 'EPERM':
      return `Không có quyền đọc tệp "${file}". Hãy chép tệp sang thư mục của mình (ví dụ Tài liệu) rồi chạy lại.`;
    default:
      return `Không đọc được tệp "${file}"${code ? ` (mã ${code})` : ''}. Hãy kiểm tra tệp còn mở được, rồi chạy lại.`;
  }
}

/** A JSON file that does not parse: the line and column of the mistake, the text around it, and the usual causes. */
export function jsonProblem(file: string, text: string, cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const body = text.replace(/^\uFEFF/, '');
  const position = /position (\d+)/.exec(message);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  let where: string;
  if (position || lineColumn) {
    const offset = position ? Number(position[1]) : offsetOf(body, Number(lineColumn![1]), Number(lineColumn![2]));
    const before = body.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const near = body.slice(Math.max(0, offset - 15), offset + 15).replace(/\s+/g, ' ');
    where = `lỗi ở dòng ${line}, cột ${column} (gần: …${near}…)`;
  } else if (/end of (JSON )?input|Unterminated/i.test(message) || body.trim() === '') {
    where = body.trim() === '' ? 'tệp trống' : 'tệp kết thúc giữa chừng (thiếu dấu ngoặc đóng ] hoặc } hoặc dấu ")';
  } else where = 'cú pháp không đúng';
  return `Tệp "${file}" không phải JSON hợp lệ: ${where}. Tên trường và chữ phải nằm trong dấu ngoặc kép thẳng ("), các mục cách nhau bằng dấu phẩy, không có dấu phẩy sau mục cuối.`;
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
}

/** A CSV the parser refused: which line, and what is wrong there. */
export function csvParseProblem(cause: unknown): string {
  const error = cause as { code?: string; lines?: number } | undefined;
  const line = error?.lines !== undefined ? ` ở dòng ${error.lines}` : '';
  switch (error?.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `có dấu ngoặc kép (") mở mà không đóng${line}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `dấu ngoặc kép (") đặt không đúng chỗ${line}`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `số cột không khớp với hàng tiêu đề${line}`;
    default:
      return `sai định dạng${line}`;
  }
}
