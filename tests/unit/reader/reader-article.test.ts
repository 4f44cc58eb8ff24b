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
