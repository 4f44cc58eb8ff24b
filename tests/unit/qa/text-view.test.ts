/**
 * Text views: the ones the pipeline reads off the tree for every block, and the ones made for segments
 * (with a shortcut for text in which no Markdown can start, held here to the parser on every segment of
 * the seeds and the real-world corpus).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { rebuildEnglish } from '../../../src/pipeline/rebuild-english.ts';
import { isPlainText, parsedView, viewOf } from '../../../src/qa/text-view.ts';
import { page, P } from './helpers.ts';

const SEEDS = join(import.meta.dirname, '../../../content/source/become-partner');
const CORPUS = join(import.meta.dirname, '../../../../shared/corpus');
const texts = [
  ...readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8')),
  ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => readFileSync(join(CORPUS, f), 'utf8')) : []),
];

describe('the plain-text shortcut', () => {
  it('gives exactly the parser’s view for every segment it takes, on the seeds and the corpus', () => {
    let taken = 0;
    let all = 0;
    for (const text of texts) {
      const doc = normalizeText(text, { path: 'x/page.md' }).doc;
      for (const s of doc?.segments ?? []) {
        for (const side of [s.target, s.source ?? '']) {
          all += 1;
          if (!isPlainText(side.normalize('NFC'))) continue;
          taken += 1;
          expect(viewOf(side), side).toEqual(parsedView(side));
        }
      }
    }
    // It is a shortcut only if it is taken: most segments are plain text. (The seeds alone where the
    // corpus is absent: 144 sides of segments.)
    expect(all).toBeGreaterThan(existsSync(CORPUS) ? 500 : 100);
    expect(taken / all).toBeGreaterThan(0.3);
  });

  it('is not taken where Markdown could start', () => {
    for (const s of ['a *b*', '`x`', '[a](b)', 'see https://x.y', 'www.example.com', 'a@b.c', '1. item', '- item', ' lead', 'trail ', 'a\nb', '# h', '> q', 'a | b', '&amp;', '<b>', 'a\\b', '~~x~~', '+ item', '9) x'])
      expect(isPlainText(s), s).toBe(false);
    for (const s of ['Become a partner.', 'Étape 4 : MdePartner-Contoso-ContosoCognito/1.0.0', '파트너가 되십시오', 'x = 1 + 2'])
      expect(isPlainText(s), s).toBe(true);
  });
});

describe('block views from the parsed page', () => {
  it('every leaf block of every seed that was received carries its view (the checks never parse a block again)', () => {
    for (const text of texts.slice(0, 5)) {
      const doc = normalizeText(text, { path: 'x/page.md' }).doc!;
      for (const b of doc.blocks) expect(!!b.view, `${doc.locale} ${b.key}`).toBe(b.start >= 0);
      // The one block the pipeline made itself: the notice for an include this site does not have.
      expect(doc.blocks.filter((b) => !b.view).map((b) => b.text)).toEqual([expect.stringContaining('rebranding')]);
    }
  });

  it('reads a fence inside a list item as its code, without the list’s indentation or the closing fence', () => {
    const doc = normalizeText(page('de-DE', '# <a name="a"></a>A\n\n1. Schritt:\n\n   ```\n   MdePartner-X-Y/1.0\n   ```\n'), { path: 'x/de-DE.md' }).doc!;
    const code = doc.blocks.find((b) => b.type === 'code')!;
    expect(code.view!.code).toEqual(['MdePartner-X-Y/1.0']);
  });

  it('takes the MT markup off a block’s raw Markdown, for either side of the pairs', () => {
    const text = page('fr-FR', `# <a name="a"></a>${P(1, 'Titre', 'Title')}\n\n${P(2, 'Voir *ceci*.', 'See *this*.')} ${P(3, 'Et [lien](https://x.y).', 'And [link](https://x.y).')}\n`);
    const fr = normalizeText(text, { path: 'x/fr-FR.md' }).doc!;
    const para = fr.blocks.find((b) => b.type === 'paragraph')!;
    expect(para.view!.raw).toBe('Voir *ceci*. Et [lien](https://x.y).');
    expect(para.view!.text).toBe('Voir ceci. Et lien.');
    expect(para.view).toMatchObject({ emphasis: 1, urls: ['https://x.y'], links: [{ text: 'lien', url: 'https://x.y' }] });
    const en = rebuildEnglish([{ path: 'x/fr-FR.md', text, doc: fr }], {})!.doc!;
    const enPara = en.blocks.find((b) => b.type === 'paragraph')!;
    expect(enPara.view!.raw).toBe('See *this*. And [link](https://x.y).');
    expect(en.blocks[0]!.view!.text).toBe('Title');
  });

  it('shows an empty link text as the marker, as the segment views do', () => {
    const doc = normalizeText(page('es-ES', '# <a name="a"></a>A\n\nVer [](https://x.y).\n'), { path: 'x/es-ES.md' }).doc!;
    expect(doc.blocks[1]!.view!.text).toBe('Ver ⟦∅⟧.');
    expect(viewOf('Ver [](https://x.y).').text).toBe('Ver ⟦∅⟧.');
  });
});
