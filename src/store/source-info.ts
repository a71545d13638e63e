import { existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { argminVersion } from '../model/version.js';

/** Where a run came from; recorded on every run automatically. */
export interface SourceInfo {
  /** The git commit checked out in the working directory, or null outside a repository. */
  readonly commit: string | null;
  readonly command: string;
  readonly argminVersion: string;
  readonly host: string;
}

const commits = new Map<string, string | null>();

/**
 * The source of runs started by this process. The git commit is read from `.git` files (HEAD,
 * loose refs, packed-refs) rather than by spawning git: starting a run must stay a few ms.
 */
export function sourceInfo(cwd: string = process.cwd()): SourceInfo {
  let commit = commits.get(cwd);
  if (commit === undefined) {
    commit = gitCommit(cwd);
    commits.set(cwd, commit);
  }
  return {
    commit,
    command: process.argv.map(quoteArgument).join(' '),
    argminVersion: argminVersion(),
    host: hostname(),
  };
}

function quoteArgument(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** The commit HEAD points at in the repository holding `cwd`, or null (never throws). */
export function gitCommit(cwd: string): string | null {
  try {
    const gitDir = findGitDir(resolve(cwd));
    if (gitDir === null) return null;
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40,64}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (ref === undefined) return null;
    // Worktrees keep refs in the common dir named by `commondir`.
    const commonFile = join(gitDir, 'commondir');
    const commonDir = existsSync(commonFile)
      ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim())
      : gitDir;
    for (const dir of [gitDir, commonDir]) {
      const loose = join(dir, ref);
      if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
    }
    const packed = join(commonDir, 'packed-refs');
    if (!existsSync(packed)) return null;
    for (const line of readFileSync(packed, 'utf8').split('\n')) {
      const [sha, name] = line.split(' ');
      if (name === ref && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
    }
    return null;
  } catch {
    return null;
  }
}

function findGitDir(start: string): string | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, '.git');
    if (existsSync(candidate)) {
      if (statSync(candidate).isDirectory()) return candidate;
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(candidate, 'utf8'))?.[1];
      return pointer === undefined ? null : resolve(dir, pointer.trim());
    }
    if (dirname(dir) === dir) return null;
  }
}
