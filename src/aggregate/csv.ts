/**
 * CSV as RFC 4180 writes it: fields separated by commas, records ended by CRLF; a field holding a
 * comma, a double quote, CR or LF is enclosed in double quotes, and a double quote inside it is
 * doubled. Excel and WPS open such a file as UTF-8 only when it starts with a byte-order mark, so
 * writers put one in front (CSV_BOM); the parser drops it.
 */

export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records → CSV text, every record ended by CRLF (no BOM: see CSV_BOM). */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/**
 * CSV text → records of fields. Accepts CRLF, LF or CR line ends and a leading BOM; a final line end
 * does not make an empty record. Throws (with a Chinese message) on a quote out of place or a quoted
 * field that never ends, rather than guessing.
 */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** The current field was quoted (so it exists even when empty). */
  let quoted = false;
  let line = 1;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' && field === '' && !quoted) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      const start = line;
      quoted = true;
      i++;
      for (;;) {
        const q = s[i];
        if (q === undefined)
          throw new Error(`CSV 第 ${start} 行起的带引号字段没有结束的引号，文件可能不完整。`);
        if (q === '"' && s[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else {
          if (q === '\n') line++;
          field += q;
          i++;
        }
      }
      const next = s[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new Error(`CSV 第 ${line} 行：引号后面应是逗号或换行，却是“${next}”。`);
      }
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endField();
      records.push(record);
      record = [];
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    } else if (c === '"') {
      throw new Error(`CSV 第 ${line} 行：字段中间出现了引号，应整个字段加引号并把引号写成两个（""）。`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || quoted || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
