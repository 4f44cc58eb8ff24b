/**
 * The per-document build cache: what a document's load, checks and translator pages produced, kept
 * under a key that hashes everything they were made from (the document's sources, the code, the site's
 * configuration, locales, UI strings, glossary and includes). A rebuild after one source changed reuses
 * every other document's work.
 *
 * Why our own cache and not Astro's: Astro 7 has no incremental static build, and most of a build's work
 * happens before and after Astro (normalising, checking, the workbench pages); a content hash is exact
 * (a test holds a cached rebuild to a clean build's bytes) and survives any change of timestamps.
 * Entries are V8-serialised, zstd-compressed files behind a one-line header that holds the format and
 * key: a stale entry (after a change of code, every document's) is known by its first bytes, not by
 * decompressing and deserialising it. One that cannot be read is a miss, never an error.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { flatDocId } from './doc-id.ts';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';

/** Bumped when what an entry holds changes shape (the code fingerprint covers the rest). */
const FORMAT = 3;

const header = (key: string) => Buffer.from(`mt-docs cache ${FORMAT} ${key}\n`);

export const hashOf = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
};

/**
 * Adds the files under `path` to `hash`: each one's path relative to `base` and its bytes, in name order.
 * `node_modules` and dot-folders are left out unless `all` (the includes folder hashes everything).
 */
export function addTree(hash: Hash, base: string, path: string, all = false, keep: (path: string) => boolean = () => true): void {
  if (!existsSync(path)) return;
  // A symbolic link is not followed (it could lead anywhere: a device, a huge file outside).
  const stat = lstatSync(path);
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (all || (name !== 'node_modules' && !name.startsWith('.'))) addTree(hash, base, join(path, name), all, keep);
    return;
  }
  if (stat.isFile() && keep(path)) hash.update(relative(base, path)).update('\0').update(readFileSync(path)).update('\0');
}

/** A folder's files, names and bytes (includes: any change invalidates every document). */
export function folderHash(dir: string): string {
  const hash = createHash('sha256');
  addTree(hash, dir, dir, true);
  return hash.digest('hex');
}

export class DocCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(kind: string, docId: string): string {
    // `~` is never in a document id (doc-id.ts), so the id is the part before it; a path id is flattened.
    return join(this.dir, `${flatDocId(docId)}~${kind}.bin`);
  }

  get<T>(kind: string, docId: string, key: string): T | null {
    const expected = header(key);
    let fd: number | undefined;
    try {
      fd = openSync(this.file(kind, docId), 'r');
      const start = Buffer.alloc(expected.length);
      if (readSync(fd, start, 0, start.length, null) !== start.length || !start.equals(expected)) return null;
      const body = readFileSync(fd);
      return (deserialize(zstdDecompressSync(body)) as { value: T }).value;
    } catch {
      // Absent or unreadable: a miss.
      return null;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  set(kind: string, docId: string, key: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.file(kind, docId);
    // Written whole, then renamed: a build killed midway leaves the old entry or none, never half of one.
    const temp = `${path}.${process.pid}.tmp`;
    // zstd at its fastest level: a tenth of the bytes for ~3 ms a document.
    writeFileSync(temp, Buffer.concat([header(key), zstdCompressSync(serialize({ value }), { params: { [constants.ZSTD_c_compressionLevel]: 1 } })]));
    renameSync(temp, path);
  }

  /** Removes the entries of documents the site no longer has. */
  prune(docIds: Iterable<string>): void {
    if (!existsSync(this.dir)) return;
    const keep = new Set([...docIds].map(flatDocId));
    for (const name of readdirSync(this.dir)) {
      const docId = name.split('~')[0]!;
      if (!keep.has(docId) || name.endsWith('.tmp')) rmSync(join(this.dir, name), { force: true });
    }
  }
}
