import { open } from 'node:fs/promises';
import { DataReadError } from '../../errors.js';
import { isUrl } from './read-options.js';
import type { DuckDBSession } from './duckdb-session.js';
import type { ScanSpec } from './source-scan.js';
import { csvHeaderExpression } from './source-scan.js';

/** What the first bytes of a CSV say before DuckDB reads it. */
export interface CsvHeader {
  /** Column names as written (blanks around them trimmed), checked unique and non-empty. */
  readonly names: string[];
  /**
   * Whether the probed bytes hold no `'` and no `\`, the only other quote and escape characters
   * DuckDB's sniffer tries: then `"` quoting with `""` escapes is the one dialect it can pick
   * that parses differently from no quoting at all (see {@link ScanSpec.rfcQuoting}).
   */
  readonly rfcQuoting: boolean;
}

/**
 * The CSV header exactly as written. DuckDB silently renames a repeated name (`a`, `a_1`) and
 * compares names case-insensitively, so duplicates are caught here, before it sees them.
 */
export async function readCsvHeader(session: DuckDBSession, spec: ScanSpec): Promise<CsvHeader> {
  const probe = await localProbe(spec);
  // DuckDB trims the blanks around header names; so do we, so that names agree.
  const raw = probe?.fields ?? (await duckdbHeader(session, spec));
  const header = raw.map((name) => name.trim());
  const seen = new Map<string, number>();
  for (let j = 0; j < header.length; j++) {
    const name = header[j];
    if (name.trim() === '') {
      throw new DataReadError(
        { file: spec.source, line: 1, column: `#${j + 1}` },
        `header field ${j + 1} is empty; give every column a name.`,
      );
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const caseNote =
        header[first] === name
          ? ''
          : ` ("${header[first]}" and "${name}" differ only by case, which DuckDB treats as the same name)`;
      throw new DataReadError(
        { file: spec.source, line: 1, column: name },
        `duplicate column name: header fields ${first + 1} and ${j + 1} are both "${header[first]}"${caseNote}. Rename one so every column name is unique.`,
      );
    }
    seen.set(key, j);
  }
  return { names: header, rfcQuoting: probe?.rfcQuoting ?? false };
}

/** Bytes read from the start of a local file to find its header line. */
const headerProbeBytes = 1 << 20;

/** Bytes decoded first in the hope that the header ends within them. */
const headerHeadBytes = 1 << 16;

/**
 * The header of a plain local file, parsed here (quotes `"` with `""` escapes, as DuckDB's
 * default dialect) because it costs microseconds where DuckDB's sniffer costs milliseconds.
 * Undefined when the file is compressed, remote, or its first line is longer than the probe.
 */
async function localProbe(
  spec: ScanSpec,
): Promise<{ fields: string[]; rfcQuoting: boolean } | undefined> {
  if (isUrl(spec.source) || /\.(gz|zst)$/i.test(spec.source) || /[*?[]/.test(spec.source))
    return undefined;
  const handle = await open(spec.source, 'r');
  try {
    const buffer = Buffer.allocUnsafe(headerProbeBytes);
    const { bytesRead } = await handle.read(buffer, 0, headerProbeBytes, 0);
    const complete = bytesRead < headerProbeBytes;
    const parse = (end: number, whole: boolean): string[] | undefined =>
      parseFirstRecord(
        buffer.toString('utf8', 0, end).replace(/^\uFEFF/, ''),
        spec.delimiter,
        whole && complete,
      );
    // Decoding the whole megabyte to find one line would cost a millisecond; a header rarely
    // needs more than the first 64 KiB.
    const head = Math.min(bytesRead, headerHeadBytes);
    let fields = parse(head, head === bytesRead);
    if (fields === undefined && head < bytesRead) fields = parse(bytesRead, true);
    if (fields === undefined) return undefined;
    // The probe covers most or all of the rows DuckDB's dialect detection samples (its first
    // 2048); a file the hint does not fit after all has rows rejected, and readTable then reads
    // it again without the hint. Buffer.includes is a native memchr.
    const bytes = buffer.subarray(0, bytesRead);
    return { fields, rfcQuoting: !bytes.includes(0x27) && !bytes.includes(0x5c) };
  } finally {
    await handle.close();
  }
}

/** Fields of the first record of CSV text; undefined when it does not end within `text`. */
export function parseFirstRecord(
  text: string,
  delimiter: string,
  complete: boolean,
): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (text.startsWith(delimiter, i)) {
      fields.push(field);
      field = '';
      i += delimiter.length - 1;
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      return fields;
    } else {
      field += ch;
    }
  }
  if (!complete || quoted) return undefined;
  fields.push(field);
  return fields;
}

async function duckdbHeader(session: DuckDBSession, spec: ScanSpec): Promise<string[]> {
  const rows = await session.rows(csvHeaderExpression(spec), 'read the header row');
  if (rows.length === 0) {
    throw new DataReadError(
      { file: spec.source, line: 1 },
      'the file has no header row; a CSV needs a header naming every column.',
    );
  }
  return rows[0].map((field) => (field === null ? '' : String(field)));
}
