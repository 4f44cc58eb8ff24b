import { spawnSync } from 'node:child_process';
import { E2E_DIST, ROOT } from './built-site.ts';

/** Builds the site once for all browser tests; a failed build fails the run with its output. */
export default function setup() {
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', E2E_DIST], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
}
