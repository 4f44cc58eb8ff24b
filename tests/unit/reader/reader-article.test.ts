/**
 * The reader's article: the builder placed after the block showing the User-Agent format (after its
 * list when that block is in the list's last item), the build's notices left out, and a permalink on
 * each section heading.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { renderArticle, UA_FORMAT } from '../../../src/reader/reader-article.ts';

const TITLES = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };
const page = (body: string) => normalizeText(`---\ntitle: T\nms.contentlocale: fr-FR\n---\n${body}`, { path: 'fr-FR.md', docId: 'x' }).doc!;
const BUILDER = '<div class="builder">B</div>';

describe('renderArticle', () => {
  it('puts the builder after the list when the format block is in its last item', () => {
    const html = renderArticle(page(`## <a name="s"></a>S\n\n1. Un\n2. Deux\n\n    - \`${UA_FORMAT}\`\n\nAprès.\n`), { alertTitles: TITLES, builderHtml: BUILDER });
    expect(html).toMatch(/<\/ol><div class="builder">B<\/div>\s*<p[^>]*>Après/);
  });

  it('keeps the builder right after the format block when more items follow it', () => {
    const html = renderArticle(page(`1. \`${UA_FORMAT}\`\n2. Deux\n`), { alertTitles: TITLES, builderHtml: BUILDER });
    expect(html).toMatch(/<\/code><\/p><div class="builder">B<\/div>\s*<\/li>\s*<li>/);
  });

  it('leaves the notice of an include the site lacks out of the article', () => {
    const html = renderArticle(page('Avant.\n\n[!INCLUDE [Partagé](../includes/absent.md)]\n\nAprès.\n'), { alertTitles: TITLES });
    expect(html).toContain('Avant.');
    expect(html).not.toContain('include-missing');
    expect(html).not.toContain('absent.md');
  });

  it('gives section headings a named permalink that search leaves out, none without a label', () => {
    const doc = page('# <a name="t"></a>Titre\n\n## <a name="s"></a>Section\n\nTexte.\n');
    const html = renderArticle(doc, { alertTitles: TITLES, headingLinkLabel: 'Lien vers cette section' });
    expect(html).toContain('<h2 id="s" data-block="s">Section<a class="heading-link" href="#s" aria-label="Lien vers cette section" data-pagefind-ignore="">#</a></h2>');
    expect(html).not.toMatch(/<h1[^>]*>[^<]*<a class="heading-link"/);
    expect(renderArticle(doc, { alertTitles: TITLES })).not.toContain('heading-link');
  });
});

describe('the English behind the blocks', () => {
  const fr = (body: string) => page(body);
  const en = (body: string) => normalizeText(`---\ntitle: T\n---\n${body}`, { path: 'en.md', docId: 'x' }).doc!;
  const labels = {
    english: 'Anglais',
    notAligned: 'Sans anglais',
    notAlignedDetail: 'Traduit d’une autre révision.',
    englishPage: 'Page anglaise.',
    englishHref: '/en/x/',
    sectionNotAligned: (count: number) => `${count} passage(s) sans anglais.`,
    passageNotAligned: 'Sans équivalent anglais',
  };

  it('puts a disclosure after a block with English, none where the English reads the same (no-break spaces too)', () => {
    const html = renderArticle(fr('## <a name="s"></a>Titre\n\nBonjour.\n\nMicrosoft\u00a0365\u00a0Defender\n'), { alertTitles: TITLES, english: en('## <a name="s"></a>Title\n\nHello.\n\nMicrosoft 365 Defender\n'), labels });
    expect(html.match(/<details class="source-text aligned"/g)).toHaveLength(2);
    expect(html).toContain('<summary>Anglais</summary><div lang="en" dir="ltr" class="source-body"><p>Hello.</p></div>');
    expect(html).not.toMatch(/Defender<\/p><details/);
  });

  it('says once per section which passages have no English, and marks each, instead of a disclosure per passage', () => {
    const html = renderArticle(fr('## <a name="s"></a>Titre\n\nUn.\n\nDeux.\n\nTrois.\n'), { alertTitles: TITLES, english: en('## <a name="s"></a>Title\n\nOne.\n'), labels });
    expect(html.match(/class="section-no-english"/g)).toHaveLength(1);
    expect(html).toMatch(/<\/details><p class="section-no-english" role="note" data-pagefind-ignore="">3 passage\(s\) sans anglais\. <a href="\/en\/x\/#s" hreflang="en">Page anglaise\.<\/a><\/p>/);
    expect(html.match(/data-no-english="Sans équivalent anglais"/g)).toHaveLength(3);
    expect(html).not.toContain('not-aligned');
  });
});
