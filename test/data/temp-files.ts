import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder for the small files a test writes; `cleanup` removes it. */
export function tempFolder(): {
  write: (name: string, text: string) => string;
  path: (name: string) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'argmin-data-'));
  return {
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    path: (name) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** CSV text with a header and `rows` lines produced by `line(i)`. */
export function csvText(header: string, rows: number, line: (i: number) => string): string {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(line(i));
  return lines.join('\n') + '\n';
}
