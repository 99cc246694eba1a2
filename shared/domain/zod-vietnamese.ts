import { z } from 'zod';

/**
 * zod's messages in plain Vietnamese, for a secretary: no type names ("string", "undefined"), no symbols ("<=300"),
 * and what the value should be. zod's own Vietnamese locale keeps English type names ("mong đợi string có <=300 ký
 * tự"); this replaces it for every schema, once, when the domain is loaded.
 *
 * @example "Tối đa 300 ký tự (đang có 412)" rather than "Quá lớn: mong đợi string có <=300 ký tự"
 */

const TYPE_NAME: Record<string, string> = {
  string: 'chữ',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: '"có" hoặc "không"',
  object: 'một nhóm trường (đối tượng JSON)',
  array: 'một danh sách',
  date: 'một ngày',
  undefined: 'để trống',
  null: 'để trống',
  nan: 'một số',
  record: 'một nhóm trường (đối tượng JSON)',
};

const FORMAT_NAME: Record<string, string> = {
  email: 'địa chỉ thư điện tử (ví dụ ten@donvi.gov.vn)',
  url: 'địa chỉ trang web (bắt đầu bằng https://)',
  datetime: 'thời điểm dạng 2024-08-15T09:30:00+07:00',
  date: 'ngày dạng 2024-08-15',
  regex: 'giá trị đúng mẫu',
};

const received = (input: unknown): string => {
  if (input === undefined || input === null) return 'ô trống';
  if (Array.isArray(input)) return 'một danh sách';
  if (typeof input === 'object') return 'một nhóm trường';
  if (typeof input === 'number') return `số ${input}`;
  if (typeof input === 'boolean') return input ? '"có"' : '"không"';
  const text = String(input);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
};

const shown = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/** The Vietnamese message of one zod issue. */
export function vietnameseIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'bắt buộc, đang để trống';
      return `phải là ${TYPE_NAME[issue.expected] ?? 'giá trị khác'}, nhận được ${received(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `phải là ${shown(issue.values[0])}` : `phải là một trong: ${issue.values.map(shown).join(', ')}; nhận được ${received(issue.input)}`;
    case 'too_big': {
      const max = Number(issue.maximum);
      const limit = issue.inclusive ? max : max - 1;
      if (issue.origin === 'string') return `dài quá: tối đa ${limit} ký tự${typeof issue.input === 'string' ? ` (đang có ${issue.input.length})` : ''}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `nhiều quá: tối đa ${limit} mục`;
      return `lớn quá: tối đa ${issue.inclusive ? max : `dưới ${max}`}${typeof issue.input === 'number' ? ` (nhận được ${issue.input})` : ''}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'bắt buộc, đang để trống' : `ngắn quá: tối thiểu ${issue.inclusive ? min : min + 1} ký tự`;
      if (issue.origin === 'array' || issue.origin === 'set') return `cần ít nhất ${issue.inclusive ? min : min + 1} mục`;
      return `nhỏ quá: tối thiểu ${issue.inclusive ? min : `trên ${min}`}${typeof issue.input === 'number' ? ` (nhận được ${issue.input})` : ''}`;
    }
    case 'invalid_format':
      return `không đúng dạng ${FORMAT_NAME[issue.format] ?? 'yêu cầu'}${typeof issue.input === 'string' ? ` (nhận được ${received(issue.input)})` : ''}`;
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `có trường không dùng đến: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_key':
      return 'tên trường không hợp lệ';
    case 'invalid_element':
      return 'có một mục không hợp lệ';
    case 'invalid_union':
      return `không hợp lệ (nhận được ${received(issue.input)})`;
    default:
      return `không hợp lệ (nhận được ${received(issue.input)})`;
  }
}

z.config({ localeError: (issue) => vietnameseIssue(issue) });
