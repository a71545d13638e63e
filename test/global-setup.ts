/**
 * Compiles the project to dist/ once before the tests, for the tests that must start separate
 * Node processes (several writers on one store, a writer killed mid-run, the CLI): a child
 * process runs JavaScript, not the TypeScript vitest transforms in-process.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  // Exit status 2 means type errors, but tsc still emitted every file: the typecheck step
  // reports those; the tests only need the JavaScript.
  if (result.status !== 0 && result.status !== 2)
    throw new Error(`building dist/ for the tests failed:\n${result.stdout}${result.stderr}`);
}
