/**
 * DocFX projects as sources: pages by docfx.json, ids by path, includes relative to the including file
 * and never outside the project, TOCs into navigation, YAML pages said once each — on small projects
 * written here and on the real nl-NL slice (../shared/repos/nl-NL) read in place.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { mtPage as page } from '../../support/pages.ts';
import { projectFiles, readDocfxProject } from '../../../src/site/docfx.ts';
import { isPrepared, loadSite, prepareSite, tocFor } from '../../../src/site/load-site.ts';
import { placeOf } from '../../../src/site/toc.ts';

const ROOT = join(import.meta.dirname, '../../..');
const SLICE = join(ROOT, '../shared/repos/nl-NL/microsoft-365');


/** A content folder with its config and one DocFX project per `projects` entry (files by path). */
function workspace(projects: Record<string, Record<string, string>>, extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'docfx-'));
  for (const [name, files] of Object.entries(projects)) {
    for (const [rel, text] of Object.entries({ 'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md', '**/*.yml'], exclude: ['**/includes/**', 'README.md'] }] } }), ...files })) {
      mkdirSync(dirname(join(dir, name, rel)), { recursive: true });
      writeFileSync(join(dir, name, rel), text);
    }
  }
  const content = join(dir, 'site');
  mkdirSync(content);
  writeFileSync(join(content, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://x.example', upstream: { base: 'https://learn.example/{locale}/docs/' }, sources: { docfx: Object.keys(projects).map((p) => `../${p}`) }, translatorPages: false, ...extra }));
  return { dir, content };
}

const messages = (files: VFile[]) => files.flatMap((f) => f.messages.map((m) => `${f.path.replace(/^.*docfx-[^/]+\//, '')}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`));

describe('DocFX projects', () => {
  it('pages are the content files of docfx.json, by path; includes, TOCs and excluded files are not', () => {
    const { dir } = workspace({ nl: { 'a/one.md': page('Een', 'x'), 'a/includes/inc.md': 'i', 'README.md': '# r', 'a/TOC.md': '# [Een](one.md)', 'index.yml': 'x: 1', 'b/two.txt': page('Twee', 'y') } });
    const file = new VFile({ path: 'docfx.json' });
    const project = readDocfxProject(join(dir, 'nl'), file)!;
    const files = projectFiles(project);
    expect(files.pages).toEqual([{ rel: 'a/one.md', docId: 'a/one' }]);
    expect(files.tocs).toEqual(['a/TOC.md']);
    expect(files.otherContent).toEqual(['index.yml']);
  });

  it('a docfx.json that does not parse is an error at its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docfx-'));
    writeFileSync(join(dir, 'docfx.json'), '{\n  "build": {\n    "content": [,]\n  }\n}\n');
    const file = new VFile({ path: join(dir, 'docfx.json') });
    expect(readDocfxProject(dir, file)).toBeNull();
    expect(file.messages[0]).toMatchObject({ line: 3, ruleId: 'docfx-json', fatal: true });
  });

  it('builds pages by path, links between pages to site URLs with anchors kept, includes relative to the file', () => {
    const { content } = workspace({
      nl: {
        'a/one.md': page('Een', 'Zie [twee](../b/two.md#stap-2) en [elders](../c/gone.md).\n\n[!INCLUDE [inc](../includes/note.md)]'),
        'b/two.md': page('Twee', '## Stap 2\n\nTekst.'),
        'includes/note.md': '---\nms.topic: include\n---\nINCLUDED-TEXT [!INCLUDE [n](nested.md)]',
        'includes/nested.md': 'NESTED-TEXT',
      },
    });
    const site = loadSite({ contentDir: content });
    expect(messages(site.files).filter((m) => /error/.test(m))).toEqual([]);
    expect(site.docs.map((d) => d.docId)).toEqual(['a/one', 'b/two']);
    const one = site.docs[0]!.translations[0]!;
    const text = JSON.stringify(one.tree);
    expect(text).toContain('INCLUDED-TEXT');
    expect(text).toContain('NESTED-TEXT');
    expect(text).toContain('"url":"/nl/b/two/#stap-2"');
    expect(text).toContain('"url":"https://learn.example/nl-nl/docs/c/gone"');
  });

  it('points images at their copies in the site; a missing one is its alt text and a warning at its line', () => {
    const { content } = workspace({
      nl: {
        'a/one.md': page('Een', '![Scherm](images/shot.png)\n\n![Weg](images/gone.png)\n\n![Buiten](../../outside.png)'),
        'a/images/shot.png': 'PNG',
      },
    });
    const site = loadSite({ contentDir: content });
    const text = JSON.stringify(site.docs[0]!.translations[0]!.tree);
    expect(text).toContain('"url":"/media/nl/a/images/shot.png"');
    expect(text).toContain('"value":"[Weg]"');
    expect(text).not.toMatch(/"url":"[^"]*gone\.png"/);
    expect(site.docs[0]!.assets).toEqual({ 'media/nl/a/images/shot.png': join(content, '../nl/a/images/shot.png') });
    expect(messages(site.files)).toContainEqual(expect.stringMatching(/nl\/a\/one\.md:13:1: image images\/gone\.png is not in the sources; its alt text "Weg" is shown instead \[image-missing\]/));
    // Outside the project: not a file of the sources, so it points upstream as before.
    expect(text).toContain('"url":"https://learn.example/nl-nl/outside.png"');
  });

  it('refuses an include outside the project and a loop, each at its line', () => {
    const { content } = workspace({
      nl: {
        'a/one.md': page('Een', 'Tekst.\n\n[!INCLUDE [x](../../outside.md)]\n\n[!INCLUDE [l](../includes/loop.md)]'),
        'includes/loop.md': 'LOOP [!INCLUDE [l](loop.md)]',
      },
    });
    writeFileSync(join(content, '../outside.md'), 'SECRET-OUTSIDE');
    const site = loadSite({ contentDir: content });
    const all = messages(site.files);
    expect(all).toContainEqual(expect.stringMatching(/nl\/a\/one\.md:13:\d+: include \.\.\/\.\.\/outside\.md refused: .*outside the project.*\[include-refused\]/));
    expect(all).toContainEqual(expect.stringMatching(/nl\/a\/one\.md:15:\d+: .*include cycle: includes\/loop\.md → includes\/loop\.md.*/));
    expect(JSON.stringify(site.docs[0]!.translations[0]!.tree)).not.toContain('SECRET-OUTSIDE');
  });

  it('reads TOC.md and TOC.yml into navigation; an entry to a missing page is a warning at its line', () => {
    const { content } = workspace({
      nl: {
        'TOC.yml': 'items:\n  - name: Start\n    href: a/one.md\n  - name: Groep\n    items:\n      - name: Twee\n        href: b/two.md\n      - name: Weg\n        href: b/gone.md\n',
        'a/one.md': page('Een', 'x'),
        'b/two.md': page('Twee', 'y'),
        'b/three.md': page('Drie', 'z'),
        'b/TOC.md': '# [Drie](three.md)\n## [Twee](two.md#deel)\n',
      },
    });
    const prepared = prepareSite({ contentDir: content });
    if (!isPrepared(prepared)) throw new Error('not prepared');
    expect(messages(prepared.files)).toContainEqual(expect.stringMatching(/nl\/TOC\.yml:8:9: TOC entry "Weg" points at b\/gone\.md, which is not a page of this site.*\[toc-missing\]/));
    const root = tocFor(prepared.navigation, 'nl-NL', 'a/one')!;
    expect(root.map((i) => i.name)).toEqual(['Start', 'Groep']);
    const place = placeOf(root, 'b/two')!;
    expect(place.trail.map((i) => i.name)).toEqual(['Groep']);
    expect(place.previous?.docId).toBe('a/one');
    // The nearest TOC wins: b/ has its own.
    const b = tocFor(prepared.navigation, 'nl-NL', 'b/three')!;
    expect(b[0]).toMatchObject({ name: 'Drie', docId: 'b/three', children: [{ name: 'Twee', docId: 'b/two', hash: 'deel' }] });
    // The English pages take the translated tree (their titles are put in when rendered).
    expect(tocFor(prepared.navigation, 'en', 'a/one')).toBe(root);
  });

  it.skipIf(!existsSync(SLICE))('the real nl-NL slice: 464 pages by path, its TOC.md, the two YAML pages said once each', () => {
    const content = mkdtempSync(join(tmpdir(), 'nl-slice-'));
    writeFileSync(join(content, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://x.example', upstream: { base: 'https://learn.microsoft.com/{locale}/microsoft-365/' }, sources: { docfx: [SLICE] }, translatorPages: false }));
    const prepared = prepareSite({ contentDir: content });
    if (!isPrepared(prepared)) throw new Error(messages(prepared.files).join('\n'));
    expect(prepared.documents).toHaveLength(464);
    expect(prepared.documents.map((d) => d.docId)).toContain('security/defender-endpoint/get-started-partner-integration');
    expect(messages(prepared.files).filter((m) => m.includes('[yaml-page-skipped]'))).toHaveLength(2);
    const toc = tocFor(prepared.navigation, 'nl-NL', 'security/defender-endpoint/get-started-partner-integration')!;
    const place = placeOf(toc, 'security/defender-endpoint/get-started-partner-integration')!;
    expect(place.current.name).toBe('Een Microsoft Defender voor Eindpunt-partner worden');
    expect(place.trail.map((i) => i.name)).toEqual(['Microsoft Defender voor Eindpunt', 'Verwijzing', "Scenario's voor partnerintegratie"]);
  });
});
