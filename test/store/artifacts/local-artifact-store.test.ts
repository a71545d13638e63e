import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreNotFoundError, UnsafePathError } from '../../../src/errors.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/local-artifact-store.js';

const runId = 'a'.repeat(32);
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function sandbox(): { root: string; outside: string; artifacts: LocalArtifactStore } {
  const folder = mkdtempSync(join(tmpdir(), 'argmin-artifacts-'));
  folders.push(folder);
  const root = join(folder, 'root');
  const outside = join(folder, 'outside');
  mkdirSync(join(root, runId), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  return { root, outside, artifacts: new LocalArtifactStore(root) };
}

describe('LocalArtifactStore', () => {
  it('writes, reads, lists and checks artifacts by run and relative path', async () => {
    const { artifacts } = sandbox();
    await artifacts.put(runId, 'model/weights.bin', new Uint8Array([1, 2, 3]));
    await artifacts.put(runId, 'notes.txt', 'hello');
    expect(await artifacts.get(runId, 'model/weights.bin')).toEqual(new Uint8Array([1, 2, 3]));
    expect(new TextDecoder().decode(await artifacts.get(runId, 'notes.txt'))).toBe('hello');
    expect(await artifacts.list(runId)).toEqual([
      { path: 'model/weights.bin', size: 3 },
      { path: 'notes.txt', size: 5 },
    ]);
    expect(await artifacts.list(runId, 'model')).toEqual([{ path: 'model/weights.bin', size: 3 }]);
    expect(await artifacts.exists(runId, 'notes.txt')).toBe(true);
    expect(await artifacts.exists(runId, 'other.txt')).toBe(false);
  });

  it('replaces an artifact whole and leaves no temporary file behind', async () => {
    const { root, artifacts } = sandbox();
    await artifacts.put(runId, 'a.txt', 'first version');
    await artifacts.put(runId, 'a.txt', 'second');
    expect(new TextDecoder().decode(await artifacts.get(runId, 'a.txt'))).toBe('second');
    expect(readdirSync(join(root, runId))).toEqual(['a.txt']);
  });

  it('copies a local file in', async () => {
    const { outside, artifacts } = sandbox();
    await artifacts.putFile(runId, 'copy.txt', join(outside, 'secret.txt'));
    expect(new TextDecoder().decode(await artifacts.get(runId, 'copy.txt'))).toBe('secret');
  });

  it('deletes one artifact, then all of a run', async () => {
    const { artifacts } = sandbox();
    await artifacts.put(runId, 'a.txt', 'a');
    await artifacts.put(runId, 'b/c.txt', 'c');
    await artifacts.delete(runId, 'a.txt');
    expect((await artifacts.list(runId)).map((e) => e.path)).toEqual(['b/c.txt']);
    await artifacts.deleteRun(runId);
    expect(await artifacts.list(runId)).toEqual([]);
  });

  it('reports a missing artifact as not found', async () => {
    const { artifacts } = sandbox();
    await expect(artifacts.get(runId, 'nope.txt')).rejects.toBeInstanceOf(StoreNotFoundError);
  });

  it('gives a file URI per run', () => {
    const { root, artifacts } = sandbox();
    expect(artifacts.uriFor(runId)).toBe(`file://${join(root, runId)}`);
  });

  const textual: [string, string][] = [
    ['a parent segment', '../escape.txt'],
    ['a parent segment in the middle', 'a/../../escape.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a drive-letter path', 'C:/Windows/win.ini'],
    ['a backslash path', '..\\escape.txt'],
    ['a NUL byte', 'a\0.txt'],
    ['an empty path', ''],
  ];
  for (const [what, path] of textual)
    it(`refuses ${what} for every operation`, async () => {
      const { artifacts } = sandbox();
      await expect(artifacts.put(runId, path, 'x')).rejects.toBeInstanceOf(UnsafePathError);
      await expect(artifacts.get(runId, path)).rejects.toBeInstanceOf(UnsafePathError);
      await expect(artifacts.exists(runId, path)).rejects.toBeInstanceOf(UnsafePathError);
      await expect(artifacts.delete(runId, path)).rejects.toBeInstanceOf(UnsafePathError);
    });

  it('refuses a run id that is not one plain segment', async () => {
    const { artifacts } = sandbox();
    await expect(artifacts.put('../x', 'a.txt', 'x')).rejects.toBeInstanceOf(UnsafePathError);
  });

  it('refuses to read through a symlinked file that leads outside the root', async () => {
    const { root, outside, artifacts } = sandbox();
    symlinkSync(join(outside, 'secret.txt'), join(root, runId, 'link.txt'));
    await expect(artifacts.get(runId, 'link.txt')).rejects.toBeInstanceOf(UnsafePathError);
  });

  it('refuses to write through a symlinked folder that leads outside the root', async () => {
    const { root, outside, artifacts } = sandbox();
    symlinkSync(outside, join(root, runId, 'dir'));
    await expect(artifacts.put(runId, 'dir/new/planted.txt', 'x')).rejects.toBeInstanceOf(
      UnsafePathError,
    );
    expect(readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('refuses a run folder that is a symlink leading outside the root', async () => {
    const { root, outside, artifacts } = sandbox();
    const other = 'b'.repeat(32);
    symlinkSync(outside, join(root, other));
    await expect(artifacts.get(other, 'secret.txt')).rejects.toBeInstanceOf(UnsafePathError);
  });

  it('leaves symlinks that lead outside the root out of listings', async () => {
    const { root, outside, artifacts } = sandbox();
    await artifacts.put(runId, 'kept.txt', 'k');
    symlinkSync(join(outside, 'secret.txt'), join(root, runId, 'link.txt'));
    expect((await artifacts.list(runId)).map((e) => e.path)).toEqual(['kept.txt']);
  });

  it('follows a symlink that stays inside the root', async () => {
    const { root, artifacts } = sandbox();
    await artifacts.put(runId, 'real.txt', 'inside');
    symlinkSync(join(root, runId, 'real.txt'), join(root, runId, 'alias.txt'));
    expect(new TextDecoder().decode(await artifacts.get(runId, 'alias.txt'))).toBe('inside');
  });
});
