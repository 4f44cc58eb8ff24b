/**
 * A team's DocFX repo built as a site: the real nl-NL slice (../shared/repos/nl-NL, 464 pages) from
 * its own config (examples/nl-NL/mt-docs.config.json), opened in Chromium as a reader would: the
 * sidebar marks the page and opens its group, breadcrumbs, previous/next, a link between two pages, an
 * include resolved in its page, search, keyboard, the phone menu, axe.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { hasChromium } from './support/browser.ts';
import { ROOT } from './support/built-site.ts';
import { useSiteSession } from './support/site-session.ts';
import { htmlFiles } from '../../scripts/measure/site-files.ts';

const SLICE = join(ROOT, '../shared/repos/nl-NL/microsoft-365');
const OUT = join(ROOT, '.cache/e2e-nl');
const PARTNER = 'nl/security/defender-endpoint/get-started-partner-integration/';

const run = hasChromium && existsSync(SLICE);
if (run) {
  const r = spawnSync('npm', ['run', '--silent', 'build', '--', '--content', 'examples/nl-NL', '--out', OUT, '--force'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`build of the nl-NL slice failed:\n${r.stdout}\n${r.stderr}`);
}

describe.skipIf(!run)('the nl-NL DocFX slice as a site', () => {
  const session = useSiteSession(OUT);

  it('has every page in nl and English, and no span markup, include, alert or DocFX block syntax in any HTML', () => {
    const files = htmlFiles(OUT);
    expect(files.filter((f) => f.includes('/nl/security/'))).toHaveLength(464);
    expect(files.filter((f) => f.includes('/en/security/'))).toHaveLength(464);
    const leaks = files.filter((f) => /data-ttu-id|sxs-lookup|data-stu-id|\[!INCLUDE|\[!NOTE\]|\[!IMPORTANT\]|\[!WARNING\]|\[!TIP\]|\[!div|\[!VIDEO|:::/i.test(readFileSync(f, 'utf8')));
    expect(leaks).toEqual([]);
  });

  it('marks the page in the sidebar with its groups open; breadcrumbs; a sibling link and next lead on', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.url}/${PARTNER}`);
    const current = page.locator('.sidebar a[aria-current="page"]');
    await expect.poll(() => current.textContent()).toBe('Een Microsoft Defender voor Eindpunt-partner worden');
    expect(await current.isVisible()).toBe(true);
    expect(await page.locator('.sidebar details[open] > summary').allTextContents()).toEqual(['Microsoft Defender voor Eindpunt', 'Verwijzing', "Scenario's voor partnerintegratie"]);
    expect(await page.locator('.breadcrumbs li').allTextContents()).toEqual(['Microsoft Defender voor Eindpunt', 'Verwijzing', "Scenario's voor partnerintegratie", 'Een Microsoft Defender voor Eindpunt-partner worden']);
    // A link in the text to a sibling page goes to that page in the site.
    await page.locator('article a[href$="/partner-applications/"]').first().click();
    await page.waitForURL(/\/nl\/security\/defender-endpoint\/partner-applications\/$/);
    expect(await page.locator('.sidebar a[aria-current="page"]').getAttribute('href')).toMatch(/partner-applications\/$/);
    const next = page.locator('.pagination a[rel="next"]');
    const nextHref = await next.getAttribute('href');
    await next.click();
    await page.waitForURL((url) => url.pathname === nextHref);
    // The page we came from is now its previous page.
    expect(await page.locator('.pagination a[rel="prev"]').getAttribute('href')).toMatch(/partner-applications\/$/);
    await page.close();
  });

  it('shows an include where its page uses it (security/includes/prerelease.md)', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/nl/security/defender-endpoint/cancel-machine-action/`);
    expect(await page.locator('article').textContent()).toContain('Sommige informatie is gerelateerd aan voorlopige productversies');
    await page.close();
  });

  it('the English pages list the English titles in the same tree', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.url}/${PARTNER.replace(/^nl/, 'en')}`);
    expect(await page.locator('.sidebar a[aria-current="page"]').textContent()).toBe('Become a Microsoft Defender for Endpoint partner');
    // A group without a page of its own keeps its Dutch label, marked as Dutch.
    expect(await page.locator('.sidebar details[open] > summary span[lang="nl-NL"]').allTextContents()).toContain('Verwijzing');
    await page.close();
  });

  it('reaches the sidebar by keyboard, opens a group with Enter, and passes axe', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.url}/${PARTNER}`);
    const group = page.locator('.sidebar summary', { hasText: 'Overzicht' }).first();
    await group.focus();
    await page.keyboard.press('Enter');
    expect(await group.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
    // The 558-entry tree is pruned around the page: pruned groups are links, the page's own group is open.
    expect(await page.locator('.sidebar a.nav-group').count()).toBeGreaterThan(0);
    expect(await page.locator('.sidebar a[aria-current="page"]').count()).toBe(1);
    // Beside the sidebar with no third column, "On this page" is a closed disclosure, so the text starts on screen.
    expect(await page.locator('.toc details').evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await page.locator('article h1').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(900);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ROOT, '.cache/e2e-nl-1280.png') });
    await page.close();
  });

  it('on a phone the pages menu is closed until opened', async () => {
    const page = await session.browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${session.url}/${PARTNER}`);
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    await page.locator('.sidebar-menu > summary').click();
    expect(await page.locator('.sidebar a[aria-current="page"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds a page of the repo with search', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.url}/${PARTNER}`);
    await page.locator('.search-open').click();
    await page.locator('#search-input').fill('cyberaanvallen');
    const result = page.locator('.search-results li a').first();
    await result.waitFor();
    expect(await result.getAttribute('href')).toMatch(/^\/nl\/security\/defender-endpoint\//);
    await page.close();
  });
});
