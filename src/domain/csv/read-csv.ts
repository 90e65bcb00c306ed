import { parse } from 'csv-parse/sync';

/** A CSV file read into its header and rows of cells (strings, as written). */
export type CsvTable = { header: string[]; rows: string[][]; delimiter: string };

/** A file that is not readable as CSV at all; `row` counts as a spreadsheet does (the header is row 1). */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    /** The reason as a stable code and its values, for a client to word it in its language (decision 64). */
    readonly code: string = 'csv.malformed',
    readonly params: Record<string, string | number> = { detail: message },
  ) {
    super(row ? `row ${row}: ${message}` : message);
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV file, from its header line: the most frequent of comma, semicolon and tab outside
 * quotes. Spreadsheets in French, Spanish or Russian save with semicolons, so a comma-only reader would
 * see one column and refuse every row.
 */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Reads CSV text (RFC 4180: quoted cells with "" for a quote and line breaks inside; CRLF or LF; a UTF-8
 * byte-order mark ignored; comma, semicolon or tab). Every row must have the header's number of cells:
 * a row with more or fewer is how a wrong delimiter or a stray quote shows, and guessing would shift
 * values into the wrong columns.
 */
export function readCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new CsvFormatError('the file is empty', undefined, 'csv.empty', {});
  const delimiter = detectDelimiter(body.slice(0, body.search(/\r?\n|$/)));
  let records: string[][];
  try {
    records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true });
  } catch (e) {
    const err = e as { message: string; lines?: number };
    throw new CsvFormatError(err.message.replace(/^Invalid [^:]*: /, ''), err.lines);
  }
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim());
  if (names.every((h) => h === ''))
    throw new CsvFormatError('the first line names no columns', 1, 'csv.noColumns', {});
  rows.forEach((r, i) => {
    if (r.length !== names.length)
      throw new CsvFormatError(
        `has ${r.length} cells where the header has ${names.length} (is the delimiter "${delimiter === '\t' ? 'tab' : delimiter}" right, or a quote left open?)`,
        i + 2,
        delimiter === '\t' ? 'csv.cellCountTab' : 'csv.cellCount',
        { cells: r.length, expected: names.length, delimiter },
      );
  });
  return { header: names, rows, delimiter };
}
