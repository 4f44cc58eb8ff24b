/**
 * A source's locale read by hand from simple front matter must be what the YAML reading gives, for
 * every front matter; anything not simple goes to the YAML parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatterLocale, simpleLocale } from '../../../src/pipeline/front-matter.ts';
import { checkLocale } from '../../../src/i18n/locales.ts';

const SEEDS = join(import.meta.dirname, '../../../../shared/seeds');
const REPO = join(import.meta.dirname, '../../../../shared/repos/nl-NL');

/** The locale as the YAML parser reads it (what frontMatterLocale did before it had a fast path). */
function byYaml(block: string): string | null {
  try {
    return readByYaml(block);
  } catch {
    return null;
  }
}
function readByYaml(block: string): string | null {
  const doc = parseDocument(block, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0 || doc.contents === null || typeof doc.toJS() !== 'object' || Array.isArray(doc.toJS())) return null;
  const value = (doc.toJS() as Record<string, unknown>)['ms.contentlocale'];
  if (typeof value !== 'string') return null;
  const checked = checkLocale(value);
  return 'code' in checked ? checked.code : null;
}

const VALUES = ['fr-FR', 'ja-JP ', 'de-de', 'null', 'true', 'no', '123', '1e3', '0x1F', '.nan', '~', "'fr-FR'", '"ko-KR"', 'fr-FR # c', 'a: b', 'fr-FR:', '[fr]', '{a: b}', '-fr', '&a fr-FR', '*a', '!!str fr-FR', '|', 'xx-YY', 'en', 'es-ES\t', 'zz'];
const OTHER = ["ms.reviewer: ''", 'ms.locfileid: "51862209"', "x: 'it''s'", 'y: "a\\qb"', 'ms.collection:\n  - m365-security\n  - m365initiative-defender-endpoint', 'ms.collection:\n- m365-security\n- x', 'title: T\n- stray', 'list:\n  - a: b', "list:\n- 'x'", 'title: Devenir partenaire', 'description: a: b', "ms.date: '03/23/2021'", 'ms.date: 03/23/2021', 'author: x # y', '  indented: 1', '- item', '# a comment', '', 'ms.contentlocale: es-ES', 'title:', 'url: https://x.test/a', 'key : v', '"quoted key": v'];

describe('simpleLocale', () => {
  it('gives what the YAML reading gives, or leaves it to YAML', () => {
    let decided = 0;
    for (const value of VALUES) {
      for (let i = 0; i < OTHER.length; i++) {
        for (const order of [0, 1]) {
          const lines = order === 0 ? [`ms.contentlocale: ${value}`, OTHER[i]!] : [OTHER[i]!, `ms.contentlocale: ${value}`, OTHER[(i + 3) % OTHER.length]!];
          const block = lines.join('\n');
          const fast = simpleLocale(block);
          if (fast !== undefined) {
            decided += 1;
            expect(fast, block).toBe(byYaml(block));
          }
          expect(frontMatterLocale(`---\n${block}\n---\n# x\n`), block).toBe(byYaml(block));
        }
      }
    }
    expect(decided).toBeGreaterThan(100);
    expect(simpleLocale('title: T\nms.contentlocale: fr-FR\nms.date: 03/23/2021')).toBe('fr-FR');
    expect(simpleLocale('title: T')).toBeNull();
  });

  it('reads the real front matter of the seeds and the nl-NL repo by hand, as YAML does', () => {
    const files = [
      ...readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).map((n) => join(SEEDS, n)),
      ...readdirSync(REPO, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md') && !n.includes('includes')).map((n) => join(REPO, n)),
    ];
    expect(files.length).toBeGreaterThan(400);
    let fast = 0;
    for (const file of files) {
      const block = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$/m.exec(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'))?.[1];
      if (block === undefined) continue;
      const simple = simpleLocale(block);
      if (simple !== undefined) fast += 1;
      expect(simple ?? byYaml(block), file).toBe(byYaml(block));
    }
    // The hand reading is what these files take, nearly all of them.
    expect(fast / files.length).toBeGreaterThan(0.9);
  });
});
