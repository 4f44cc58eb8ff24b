/**
 * The one containment rule for every path the build reads or writes: a path is used only when it
 * resolves inside the folder it belongs to (the content root, the includes folder, the output folder),
 * and a source is read only when it is a regular file. Sources come from outside (vendors, MT pipelines,
 * forks), so a name in one — an include path, a script `src`, a symlink — must never reach anything else
 * on the machine, nor hang the build on a FIFO or a device.
 *
 * Never throws on what a source says: answers `{ problem }` for the caller to report with file and line.
 */
import { closeSync, constants, copyFileSync, fstatSync, linkSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** True when `path` is `root` or below it (lexically; see `resolveInside` for symlinks). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export class PathEscapeError extends Error {
  readonly root: string;
  readonly path: string;
  constructor(root: string, path: string) {
    super(`${path} is outside ${root}`);
    this.root = root;
    this.path = path;
  }
}

/**
 * `segments` resolved against `root`; throws PathEscapeError when the result leaves `root` (`..`, an
 * absolute path, a drive). For paths the build itself computes; sources go through `checkSourcePath`.
 */
export function resolveInside(root: string, ...segments: string[]): string {
  const path = resolve(root, ...segments);
  if (!isInside(root, path)) throw new PathEscapeError(root, path);
  return path;
}

export interface SymlinkPolicy {
  /** Follow symlinks whose target stays inside the root (default: refuse every symlink). */
  followSymlinks?: boolean;
}

export type PathCheck = { ok: true; path: string; stats: Stats } | { ok: false; problem: string; ruleId: string };

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/**
 * Whether `path` may be read as a source file of `root`: inside it, a regular file, and no symlink on
 * the way from `root` to it unless `followSymlinks` is on and the real target is inside `root` too.
 */
export function checkSourcePath(root: string, path: string, policy: SymlinkPolicy = {}, expect: 'file' | 'dir' = 'file'): PathCheck {
  const full = resolve(root, path);
  if (!isInside(root, full)) return { ok: false, problem: `refers to ${full}, outside ${resolve(root)}`, ruleId: 'path-outside' };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { ok: false, problem: `${root} does not exist`, ruleId: 'read-error' };
  }
  // Each step below the root: a symlink anywhere on the way is what would lead outside.
  const steps = relative(resolve(root), full).split(sep).filter(Boolean);
  let at = resolve(root);
  let stats: Stats | undefined;
  for (const step of steps) {
    at = resolve(at, step);
    try {
      stats = lstatSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, problem: code === 'ENOENT' ? `${at} does not exist` : `cannot read ${at} (${code})`, ruleId: code === 'ENOENT' ? 'not-found' : 'read-error' };
    }
    if (stats.isSymbolicLink()) {
      if (!policy.followSymlinks) return { ok: false, problem: `${at} is a symbolic link; symbolic links are not followed (set "followSymlinks": true in mt-docs.config.json for links that stay inside the content)`, ruleId: 'symlink-refused' };
      let real: string;
      try {
        real = realpathSync(at);
      } catch {
        return { ok: false, problem: `${at} is a broken symbolic link`, ruleId: 'symlink-refused' };
      }
      if (!isInside(realRoot, real)) return { ok: false, problem: `${at} is a symbolic link to ${real}, outside the content folder`, ruleId: 'symlink-refused' };
      stats = lstatSync(real);
    }
  }
  stats ??= lstatSync(full);
  if (expect === 'dir' ? !stats.isDirectory() : !stats.isFile()) return { ok: false, problem: `${full} is ${kindOf(stats)}, not a ${expect === 'dir' ? 'folder' : 'regular file'}`, ruleId: 'not-regular-file' };
  return { ok: true, path: full, stats };
}

/** Upper bound on what one source file may hold; larger files are refused before they are read. */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; problem: string; ruleId: string };

/**
 * Reads a checked source: opened without blocking (a FIFO swapped in after the check cannot hang the
 * read), checked again on the open descriptor, refused past `maxBytes`.
 */
export function readSourceFile(root: string, path: string, policy: SymlinkPolicy = {}, maxBytes = MAX_SOURCE_BYTES): ReadResult {
  const checked = checkSourcePath(root, path, policy);
  if (!checked.ok) return checked;
  let fd: number;
  try {
    fd = openSync(checked.path, constants.O_RDONLY | constants.O_NONBLOCK | (policy.followSymlinks ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    return { ok: false, problem: `cannot read ${checked.path} (${(error as NodeJS.ErrnoException).code})`, ruleId: 'read-error' };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, problem: `${checked.path} is ${kindOf(stats)}, not a regular file`, ruleId: 'not-regular-file' };
    if (stats.size > maxBytes) return { ok: false, problem: `${checked.path} is ${stats.size} bytes; the limit for one source is ${maxBytes}`, ruleId: 'source-too-large' };
    const bytes = Buffer.alloc(stats.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return { ok: true, bytes: bytes.subarray(0, done) };
  } catch (error) {
    return { ok: false, problem: `cannot read ${checked.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, ruleId: 'read-error' };
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts the file `from` at `to` as a hard link (the build's output folders are on one file system, and the
 * old output is removed right after, so nothing else holds the file), or as a copy where linking fails.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
