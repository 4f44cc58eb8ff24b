/**
 * Lighthouse scores (performance, accessibility, best practices, SEO) of one URL, in Debian's Chromium
 * started with this machine's flags. Lighthouse's default mobile emulation and throttling apply.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function lighthouseScores(urls: string[]): Promise<{ url: string; scores: Scores; misses: string[] }[]> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS });
  try {
    const out = [];
    for (const url of urls) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Scores;
      const misses = CATEGORIES.flatMap((c) =>
        (categories[c]?.auditRefs ?? []).filter((r) => r.weight > 0 && (audits[r.id]?.score ?? 1) < 1).map((r) => `${c}: ${audits[r.id]!.title} (${audits[r.id]!.displayValue ?? audits[r.id]!.score})`),
      );
      out.push({ url, scores, misses });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}
