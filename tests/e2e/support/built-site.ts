/**
 * The built site the browser tests open: built once per test run (vitest globalSetup) into
 * .cache/e2e-dist with `npm run build`, exactly as a user builds it.
 */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../..');
export const E2E_DIST = join(ROOT, '.cache/e2e-dist');
