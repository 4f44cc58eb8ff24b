/**
 * The built site as a whole: every page passes the Nu HTML Checker with no error, and no internal link
 * or fragment is broken across dist/ (cross-locale anchors included).
 */
import { describe, expect, it } from 'vitest';
import { crawlLinks } from '../../scripts/measure/link-crawler.ts';
import { validateHtml } from '../../scripts/measure/html-validity.ts';
import { E2E_DIST } from './support/built-site.ts';
import { spawnSync } from 'node:child_process';

const hasJava = spawnSync('java', ['-version']).status === 0;

describe('site integrity', () => {
  it.skipIf(!hasJava)('every page is valid HTML (Nu HTML Checker)', { timeout: 120_000 }, () => {
    const { files, errors } = validateHtml(E2E_DIST);
    expect(files).toBeGreaterThanOrEqual(14);
    expect(errors).toEqual([]);
  });

  it('has no broken internal link or fragment', () => {
    const result = crawlLinks(E2E_DIST);
    expect(result.pages).toBeGreaterThanOrEqual(14);
    expect(result.fragments).toBeGreaterThan(50);
    expect(result.broken).toEqual([]);
  });
});
