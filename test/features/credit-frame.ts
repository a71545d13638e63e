import { readFileSync } from 'node:fs';
import type { Column } from '../../src/data/column.js';
import { categoricalFromStrings, numericColumn } from '../../src/data/column.js';
import { Frame } from '../../src/data/frame.js';

/** Splits one line of the bundled CSVs: fields are numbers, quoted strings without inner quotes, or empty. */
function splitLine(line: string): { value: string; quoted: boolean }[] {
  return line.split(',').map((field) => {
    const quoted = field.startsWith('"');
    return { value: quoted ? field.slice(1, -1) : field, quoted };
  });
}

/**
 * examples/data/credit.csv as a Frame (quoted columns categorical, the rest numeric, empty =
 * missing), read by a tiny local parser so these tests do not depend on the data readers.
 */
export function readCredit(): Frame {
  const text = readFileSync(new URL('../../examples/data/credit.csv', import.meta.url), 'utf8');
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = splitLine(lines[0]).map((f) => f.value);
  const rows = lines.slice(1).map(splitLine);
  const columns: Column[] = header.map((name, j) => {
    const quoted = rows.some((r) => r[j].quoted);
    if (quoted)
      return categoricalFromStrings(
        name,
        rows.map((r) => r[j].value),
      );
    return numericColumn(
      name,
      rows.map((r) => (r[j].value === '' ? Number.NaN : Number(r[j].value))),
    );
  });
  return new Frame(columns, { source: 'credit.csv' });
}
