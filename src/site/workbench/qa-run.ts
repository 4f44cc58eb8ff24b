/**
 * The checks' run the translator workbench stands on: made once per build process (scripts/build.ts
 * runs it before Astro and shares it; every route and the page writer read the same run).
 */
import type { LocaleInfo } from '../../i18n/locales.ts';
import { loadQa, type QaRun } from '../../qa/load-qa.ts';
import { getSite } from '../site-data.ts';

export type QaEntry = QaRun['reports'][number];

const SHARED = Symbol.for('mt-docs.qa-run');

export function shareQaRun(run: QaRun): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = run;
}

/** The checks over the site's pages. A site that does not publish the workbench runs none for it. */
export function getQaRun(): QaRun {
  const shared = (globalThis as Record<symbol, unknown>)[SHARED] as QaRun | undefined;
  if (shared) return shared;
  const site = getSite();
  const run = site.config.translatorPages ? loadQa({ site }) : { site, reports: [] };
  shareQaRun(run);
  return run;
}

/** The registry entry of a report column (`en` is the rebuilt English). */
export function columnInfoIn(registry: readonly LocaleInfo[], code: string): LocaleInfo {
  const info = registry.find((l) => l.code === code);
  if (!info) throw new Error(`locale ${code} is not in the registry`);
  return info;
}
