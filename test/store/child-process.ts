/**
 * Starts a Node script (one of the .mjs writers in this folder, or any absolute path such as
 * bin/argmin.js) and follows its stdout line by line.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

export interface Writer {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line matching `pattern` (its match). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves when the process ended, with its code and signal and all it printed. */
  readonly exited: Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>;
}

export function startWriter(
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Writer {
  const child = spawn(process.execPath, [resolve(import.meta.dirname, script), ...args], {
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiting: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const lastMatch = (pattern: RegExp) => [...stdout.matchAll(new RegExp(pattern, 'gm'))].pop();
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of [...waiting]) {
      const match = lastMatch(waiter.pattern);
      if (match !== undefined) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return {
    child,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        // The line may have come in the same chunk as an earlier one.
        const match = lastMatch(pattern);
        if (match !== undefined) {
          resolve(match);
          return;
        }
        waiting.push({ pattern, resolve });
        void exited.then(() =>
          reject(new Error(`writer ended before printing ${pattern}: ${stderr}`)),
        );
      }),
  };
}
