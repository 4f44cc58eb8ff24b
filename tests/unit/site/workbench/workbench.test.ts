/**
 * The workbench's shared markup: UI words are tokens localised per UI language (escaped, never taken
 * from source text), the cell signatures name exactly the invariants `diffPair` finds differing for
 * every pair, the page count does not grow with locale pairs, and build pages are sorted by kind.
 */
import { describe, expect, it } from 'vitest';
import { differingKinds } from '../../../../src/client/qa-workbench.ts';
import { INVARIANT_KINDS, allPairs, diffPair } from '../../../../src/qa/pair-diff.ts';
import { loadQa } from '../../../../src/qa/load-qa.ts';
import { invariantSignatures, renderViews } from '../../../../src/site/workbench/markup.ts';
import { Phrases } from '../../../../src/site/workbench/phrases.ts';
import { relativeHref, viewFile } from '../../../../src/site/workbench/urls.ts';
import { pageKind } from '../../../../scripts/page-kinds.ts';
import type { TFunction } from 'i18next';

const ui = (code: string, words: Record<string, string>) => ({ code, t: ((key: string, params?: Record<string, unknown>) => `${words[key] ?? key}${params ? JSON.stringify(params) : ''}`) as unknown as TFunction });

describe('Phrases', () => {
  it('swaps each token for the escaped words of the UI language, and shares tokens between equal phrases', () => {
    const P = new Phrases();
    const a = P.t('qa:x');
    expect(P.t('qa:x')).toBe(a);
    const html = `<p title="${P.t('qa:y')}">${a}</p>`;
    expect(P.size).toBe(2);
    expect(P.localise(html, ui('en', { 'qa:x': 'A & <b>', 'qa:y': 'say "hi"' }))).toBe('<p title="say &quot;hi&quot;">A &amp; &lt;b&gt;</p>');
    expect(P.localise(html, ui('ja', { 'qa:x': '日本', 'qa:y': 'い' }))).toBe('<p title="い">日本</p>');
  });

  it('leaves text that only looks like a token alone (the nonce is not in the source)', () => {
    const P = new Phrases();
    P.t('qa:x');
    const forged = '\uE000000000000000:0\uE001';
    expect(P.localise(`<p>${forged}</p>`, ui('en', { 'qa:x': 'X' }))).toBe(`<p>${forged}</p>`);
  });
});

describe('workbench markup', () => {
  const run = loadQa();
  const entry = run.reports[0]!;

  it('cell signatures give the same differing invariants as diffPair, for every pair and row', () => {
    const signatures = new Map(entry.report.grid.map((row) => [row.key, invariantSignatures(row)]));
    for (const [a, b] of allPairs(entry.report.columns)) {
      for (const row of diffPair(entry.report, a, b).rows) {
        const sig = signatures.get(row.key)!;
        expect(differingKinds(sig[a], sig[b], INVARIANT_KINDS), `${a}/${b} ${row.key}`).toEqual(row.differs);
      }
    }
  });

  it('shows post-edits: a badge on each post-edited cell and on its column, with how many units', () => {
    const report = structuredClone(entry.report);
    const fr = report.locales.find((l) => l.locale === 'fr-FR')!;
    fr.postEdited = { units: ['55724-112', '55724-113'] };
    const row = report.grid.find((r) => r.cells['fr-FR']?.text.includes('Abonnez-vous'))!;
    row.cells['fr-FR']!.postEdited = true;
    const views = renderViews({ ...entry, report }, run.site.registry);
    const html = views.phrases.localise(views.html.workbench, ui('en', { 'qa:grid.postEdited': 'Post-edited', 'qa:dashboard.postEditedUnits': 'units post-edited' }));
    expect(html.match(/class="qa-badge qa-badge-edited"/g)).toHaveLength(2);
    expect(html.includes('units post-edited{&quot;count&quot;:2}'), 'the column says how many units').toBe(true);
    expect(/<td[^>]*class="qa-cell qa-post-edited[^"]*"[^>]*data-col="fr-FR"/.test(html), "the cell is marked").toBe(true);
    const plain = renderViews(entry, run.site.registry);
    expect(plain.html.workbench).not.toContain('qa-badge-edited');
  });

  it('renders each view once, with relative links only, and no word of the UI left untranslated', () => {
    const views = renderViews(entry, run.site.registry);
    expect(views.html.workbench).toContain('data-qa-grid');
    expect(views.html.findings).toContain('data-qa-findings');
    expect(views.html.terms).toContain('qa-terms');
    for (const html of Object.values(views.html)) expect(html).not.toMatch(/(?:href|src)="\/(?!\/)/);
    const words = views.phrases.localise(views.html.findings, ui('en', {}));
    expect(words).not.toMatch(/\uE000/);
    expect(words).toContain('qa:findings.title');
  });

  it('has three pages per document and UI language, at fixed places, whatever the locales', () => {
    expect(viewFile('workbench', 'ja', 'doc')).toBe('ja/translators/doc/index.html');
    expect(viewFile('findings', 'ja', 'doc')).toBe('ja/translators/doc/findings/index.html');
    expect(relativeHref('findings', 'workbench', 'doc')).toBe('../index.html');
    expect(relativeHref('workbench', { download: 'findings.json' }, 'doc')).toBe('../../../translators/doc/findings.json');
    expect(relativeHref('terms', { download: 'x.tmx' }, 'doc')).toBe('../../../../translators/doc/x.tmx');
  });

  it('counts built pages by kind', () => {
    expect(pageKind('index.html')).toBe('chooser');
    expect(pageKind('ja/become-partner/index.html')).toBe('reader');
    expect(pageKind('ja/translators/doc/findings/index.html')).toBe('translator');
    expect(pageKind('ja/404/index.html')).toBe('notFound');
    expect(pageKind('embed/ua-builder/v1/index.html')).toBe('embed');
  });
});
