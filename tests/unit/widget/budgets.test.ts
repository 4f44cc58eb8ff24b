/**
 * The size budgets of spec §7, measured on the files the build really writes (scripts/build-widget.ts
 * into a temporary folder) and on the core as the brief measures it: esbuild, minified ESM, `gzip -9`.
 * Gzip output is deterministic, so these are exact numbers, not estimates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, WIDGET_PATH } from '../../../scripts/build-widget.ts';

const ROOT = join(import.meta.dirname, '../../..');
const KB = 1024;

/** Bytes after `gzip -9`, the measure the budgets are written in. */
function gzipSize(data: Uint8Array | string): number {
  const result = spawnSync('gzip', ['-9', '-n', '-c'], { input: data });
  if (result.status !== 0) throw new Error(`gzip failed: ${result.stderr}`);
  return result.stdout.length;
}

let out: string;
let files: Map<string, Buffer>;
const file = (pattern: RegExp): [string, Buffer][] => [...files].filter(([name]) => pattern.test(name));

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'mde-ua-budget-'));
  await buildWidget(out);
  const dir = join(out, WIDGET_PATH);
  files = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('size budgets (gzip -9)', () => {
  it('the pure core is at most 3000 bytes', async () => {
    const { outputFiles } = await esbuild.build({
      entryPoints: [join(ROOT, 'src/ua/index.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    expect(gzipSize(outputFiles[0]!.contents)).toBeLessThanOrEqual(3000);
  });

  it('the element with English and snippets is at most 8 KB, in one self-contained file', () => {
    const main = files.get('mde-ua-builder.js')!;
    // Everything else it may load is dynamic (a language, the checker); a static import would be
    // part of the element's cost and is not allowed to hide there.
    expect(main.toString()).not.toMatch(/(?:^|[;}])import[\s{*"]/);
    expect(gzipSize(main)).toBeLessThanOrEqual(8 * KB);
  });

  it('each further language is a chunk of at most 800 bytes, named after it', () => {
    const locales = readdirSync(join(ROOT, 'locales')).filter((lang) => lang !== 'en');
    expect(locales.length).toBeGreaterThanOrEqual(5);
    for (const lang of locales) {
      const chunks = file(new RegExp(`^${lang}-[\\w-]{8}\\.js$`)).filter(([name]) => !name.includes('-checker-'));
      expect(chunks, lang).toHaveLength(1);
      expect(gzipSize(chunks[0]![1]), lang).toBeLessThanOrEqual(800);
    }
  });

  it('what the checker fetches on first use (its words per language, the parser) stays small', () => {
    for (const [name, data] of file(/-checker-/)) expect(gzipSize(data), name).toBeLessThanOrEqual(600);
    const [[, parser]] = file(/^parser-/) as [[string, Buffer]];
    expect(gzipSize(parser)).toBeLessThanOrEqual(1700);
  });

  it('the iframe bridge is small (the iframe page budget is measured on the built page, in e2e)', () => {
    expect(gzipSize(files.get('frame.js')!)).toBeLessThanOrEqual(1200);
  });
});

describe('build output', () => {
  it('is deterministic: same sources, same file names and bytes', async () => {
    const again = mkdtempSync(join(tmpdir(), 'mde-ua-budget-'));
    try {
      await buildWidget(again);
      const dir = join(again, WIDGET_PATH);
      const second = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
      expect([...second.keys()].sort()).toEqual([...files.keys()].sort());
      for (const [name, data] of files) expect(second.get(name)!.equals(data), name).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('leaves English words out of the language chunks and keeps only the widget part in the main file', () => {
    const main = files.get('mde-ua-builder.js')!.toString();
    expect(main).toContain('Company name');
    expect(main).not.toContain('Embed the User-Agent builder');
    expect(main).not.toContain('P_HEADER_NAME_STRIPPED:"');
    const [[, ja]] = file(/^ja-[\w-]{8}\.js$/) as [[string, Buffer]];
    expect(ja.toString()).toContain('会社名');
    expect(ja.toString()).not.toContain('companyHint');
  });
});
