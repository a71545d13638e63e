/**
 * Compiles the project to dist/ once before the tests, for the tests that must start separate
 * Node processes (several writers on one store, a writer killed mid-run, the CLI): a child
 * process runs JavaScript, not the TypeScript vitest transforms in-process.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
