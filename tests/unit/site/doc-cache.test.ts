/** The per-document cache: what is put is what comes back, under its key only; anything else is a miss. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocCache, hashOf } from '../../../src/site/doc-cache.ts';

describe('DocCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-cache-'));
  const cache = new DocCache(dir);
  const value = { docId: 'a/b', pages: [['x.html', '<p>é ✓</p>']], n: 3, nested: { list: [1, 2, 3] } };
  const key = hashOf('one');

  it('gives back what was put under the same key, and misses under another', () => {
    cache.set('load', 'a/b', key, value);
    expect(cache.get('load', 'a/b', key)).toEqual(value);
    expect(cache.get('load', 'a/b', hashOf('two'))).toBeNull();
    expect(cache.get('other', 'a/b', key)).toBeNull();
    expect(cache.get('load', 'c', key)).toBeNull();
  });

  it('reads a stale entry no further than its header', () => {
    const [name] = readdirSync(dir);
    const file = join(dir, name!);
    const bytes = readFileSync(file);
    // A body that could not be decompressed: a stale key still misses (not read), the right key too (unreadable).
    const header = bytes.subarray(0, bytes.indexOf(10) + 1);
    expect(header.toString()).toMatch(new RegExp(`^mt-docs cache \\d+ ${key}\\n$`));
    writeFileSync(file, Buffer.concat([header, Buffer.from('garbage')]));
    expect(cache.get('load', 'a/b', hashOf('two'))).toBeNull();
    expect(cache.get('load', 'a/b', key)).toBeNull();
  });

  it('misses on a file that is not an entry, an empty one, or a truncated one', () => {
    cache.set('load', 'd', key, value);
    const file = join(dir, readdirSync(dir).find((n) => n.startsWith('d~'))!);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 5));
    expect(cache.get('load', 'd', key)).toBeNull();
    writeFileSync(file, '');
    expect(cache.get('load', 'd', key)).toBeNull();
    writeFileSync(file, 'not a cache entry');
    expect(cache.get('load', 'd', key)).toBeNull();
  });

  it('prunes the entries of documents the site no longer has', () => {
    cache.set('load', 'keep', key, 1);
    cache.set('load', 'gone', key, 2);
    cache.prune(['keep', 'a/b']);
    expect(cache.get('load', 'keep', key)).toBe(1);
    expect(cache.get('load', 'gone', key)).toBeNull();
  });
});
