/**
 * `npm run build`: check every source, then build the site into a staging folder and swap it into
 * `dist/` only when everything succeeded. A failed build exits non-zero, names file and line, and
 * leaves the previous `dist/` exactly as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { loadSite } from '../src/site/load-site.ts';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const staging = join(root, '.cache', `dist-staging-${process.pid}`);

// Pages load the content from these too, wherever their bundled code ends up.
process.env.MT_DOCS_CONTENT ??= join(root, 'content');
process.env.MT_DOCS_LOCALES ??= join(root, 'locales');

/** Errors and warnings as vfile-reporter prints them; infos (routine repairs) only with --verbose. */
function summary(files: VFile[], verbose: boolean): string {
  const shown = files.map((f) => {
    const copy = new VFile({ path: f.path });
    copy.messages = verbose ? f.messages : f.messages.filter((m) => m.fatal !== undefined);
    return copy;
  });
  return reporter(shown, { quiet: true });
}

function main(): Promise<number> | number {
  const site = loadSite();
  const report = summary(site.files, process.argv.includes('--verbose'));
  if (report) console.error(report);
  if (!site.ok) {
    console.error('build failed: the sources have errors (see above); dist/ was left as it was');
    return 1;
  }
  return runAstro();
}

async function runAstro(): Promise<number> {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(root, '.cache'), { recursive: true });
  try {
    await build({ root, outDir: staging, logLevel: 'warn' });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`build failed: ${(error as Error).message}\ndist/ was left as it was`);
    return 1;
  }
  // Swap: the old dist/ moves aside first, so a reader of dist/ sees the old or the new site, whole.
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
  console.log(`built ${dist}`);
  return 0;
}

process.exitCode = await main();
