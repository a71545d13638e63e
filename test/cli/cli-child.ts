import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const argmin = resolve(import.meta.dirname, '../../bin/argmin.js');

/** An `argmin` child process whose stderr can be waited on. */
export interface Child {
  /** Resolves once stderr has matched; rejects if the process ends first. */
  stderrMatches(pattern: RegExp): Promise<RegExpExecArray>;
  interrupt(): void;
  kill(signal: NodeJS.Signals): void;
  readonly pid: number | undefined;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }>;
}

/** Children still running: a test that fails before stopping its server leaves none behind. */
const running = new Set<ChildProcess>();

/** SIGTERM to every child still running (SIGKILL after 3 s); for `afterEach`. */
export async function stopChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.once('close', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Runs the built CLI (`bin/argmin.js`) with `args`. */
export function runArgmin(args: readonly string[], env: NodeJS.ProcessEnv = {}): Child {
  const started = performance.now();
  const child = spawn(process.execPath, [argmin, ...args], {
    env: { ...process.env, CI: '', ...env },
  });
  running.add(child);
  child.once('close', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; wake: (match: RegExpExecArray) => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(stderr);
      if (match !== null) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.wake(match);
      }
    }
  });
  const done = new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
    seconds: number;
  }>((resolveDone) =>
    child.on('close', (code) =>
      resolveDone({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 }),
    ),
  );
  return {
    done,
    pid: child.pid,
    interrupt: () => child.kill('SIGINT'),
    kill: (signal) => child.kill(signal),
    stderrMatches: (pattern) =>
      new Promise((wake, fail) => {
        const match = pattern.exec(stderr);
        if (match !== null) return wake(match);
        waiters.push({ pattern, wake });
        void done.then(() => fail(new Error(`ended before ${pattern}: ${stderr}`)));
      }),
  };
}
