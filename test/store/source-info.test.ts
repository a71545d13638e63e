import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitCommit, sourceInfo } from '../../src/store/source-info.js';

describe('source info', () => {
  it('reads the commit HEAD points at, as git does', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD']).toString().trim();
    expect(gitCommit(process.cwd())).toBe(head);
  });

  it('gives no commit outside a git repository, without failing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'argmin-no-git-'));
    try {
      expect(gitCommit(folder)).toBeNull();
      expect(sourceInfo(folder).commit).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('quotes command-line arguments that hold spaces', () => {
    const saved = process.argv;
    process.argv = ['node', 'train.js', '--name', 'my run'];
    try {
      expect(sourceInfo().command).toBe(`node train.js --name 'my run'`);
    } finally {
      process.argv = saved;
    }
  });
});
