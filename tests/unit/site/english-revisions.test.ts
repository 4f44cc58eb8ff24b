/**
 * Several English revisions of a page (English projects named by commit, `en@<commit>`): the English
 * pages are the current one; each plain translation's English is the revision its ms.sourcegitcommit
 * names, else the nearest given by date, and the page says which.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../../src/site/load-site.ts';
import { renderPageArticle } from '../../../src/site/site-data.ts';
import { provenanceOf } from '../../../src/reader/provenance.ts';
import { checkDocument, loadQaData } from '../../../src/qa/load-qa.ts';

const ROOT = join(import.meta.dirname, '../../..');
const OLD = '1111111aaaabbbbccccddddeeeeffff00001111';

const english = (date: string, body: string) => `---\ntitle: Guide\ndescription: D\nms.date: ${date}\n---\n# <a name="guide"></a>Guide\n\n${body}\n`;
const translation = (locale: string, commit: string, handoff: string, body: string) =>
  `---\ntitle: Gids\ndescription: D\nms.contentlocale: ${locale}\nms.translationtype: MT\nms.lasthandoff: ${handoff}\nms.sourcegitcommit: ${commit}\n---\n# <a name="guide"></a>Gids\n\n${body}\n`;

function site(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'revisions-'));
  const projects = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  for (const p of projects) writeFileSync(join(dir, p, 'docfx.json'), JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }));
  writeFileSync(join(dir, 'mt-docs.config.json'), JSON.stringify({ siteUrl: 'https://x.example', upstream: { base: 'https://l.example/{locale}/' }, sources: { docfx: projects }, translatorPages: false }));
  return loadSite({ contentDir: dir, cwd: dir, localesDir: join(ROOT, 'locales') });
}

describe('several English revisions', () => {
  const loaded = site({
    'en/guide.md': english('05/01/2024', 'NEW-ENGLISH first.\n\nNEW-ENGLISH second.'),
    [`en@${OLD.slice(0, 7)}/guide.md`]: english('01/10/2023', 'OLD-ENGLISH first.\n\nOLD-ENGLISH second.'),
    'de/guide.md': translation('de-DE', OLD, '03/01/2023', 'DEUTSCH eins.\n\nDEUTSCH zwei.'),
    'fr/guide.md': translation('fr-FR', '2222222bbbb', '06/01/2023', 'FRANÇAIS un.\n\nFRANÇAIS deux.'),
    'ja/guide.md': translation('ja-JP', '3333333cccc', '06/01/2022', '日本語 一。\n\n日本語 二。'),
  });
  const doc = loaded.docs[0]!;
  const page = (locale: string) => doc.translations.find((t) => t.locale === locale)!;
  const article = (locale: string) => renderPageArticle(page(locale), doc, loaded.registry, loaded.resources);
  const messages = loaded.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column}: ${m.reason} [${m.ruleId}]`));

  it('the English pages are the current English (the one without a revision)', () => {
    expect(loaded.ok, messages.join('\n')).toBe(true);
    expect(doc.english?.meta.original).toBe(true);
    expect(doc.english?.path).toBe('en/guide.md');
    expect(doc.english?.blocks.map((b) => b.text)).toContain('NEW-ENGLISH first.');
  });

  it('a translation aligns with the revision its ms.sourcegitcommit names (short or full SHA), and says so', () => {
    expect(page('de-DE').meta.englishRevision).toEqual({ revision: OLD.slice(0, 7), how: 'named' });
    expect(article('de-DE')).toContain('OLD-ENGLISH first.');
    expect(article('de-DE')).not.toContain('NEW-ENGLISH');
    expect(messages).toContain(`de/guide.md:1:1: aligned with the English revision ms.sourcegitcommit ${OLD.slice(0, 12)} names (en@${OLD.slice(0, 7)}/guide.md) [english-revision]`);
    expect(provenanceOf(page('de-DE'), doc.translations).englishRevision).toEqual({ revision: OLD.slice(0, 7), how: 'named' });
  });

  it('a commit that names no revision given aligns with the newest revision not newer than its hand-off, with a warning', () => {
    // fr was handed off 2023-06-01: the 2023 revision is the nearest (the current one is from 2024).
    expect(page('fr-FR').meta.englishRevision).toEqual({ revision: OLD.slice(0, 7), how: 'nearest' });
    expect(article('fr-FR')).toContain('OLD-ENGLISH second.');
    expect(messages).toContainEqual(expect.stringMatching(/^fr\/guide\.md:1:1: ms\.sourcegitcommit 2222222bbbb names no English revision given; aligned with the nearest, 1111111 .*\[english-revision-nearest\]$/));
    // ja (2022) is older than every revision given: the current English.
    expect(page('ja-JP').meta.englishRevision).toEqual({ revision: 'current', how: 'nearest' });
    expect(article('ja-JP')).toContain('NEW-ENGLISH first.');
  });

  it('two English sources at one revision are a duplicate', () => {
    const twice = site({ 'en/g.md': english('05/01/2024', 'A'), 'en2/g.md': english('05/01/2024', 'B'), 'de/g.md': translation('de-DE', OLD, '03/01/2023', 'C') });
    expect(twice.ok).toBe(false);
    expect(twice.files.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('locale-duplicate');
  });
});

describe('the translator checks with English originals', () => {
  const loaded = site({
    'en/guide.md': english('05/01/2024', 'Install version 7 of the agent.\n\nRestart the device.'),
    [`en@${OLD.slice(0, 7)}/guide.md`]: english('01/10/2023', 'Install version 6 of the agent.\n\nRestart the device.'),
    'de/guide.md': translation('de-DE', OLD, '03/01/2023', 'Installieren Sie Version 6 des Agenten.\n\nStarten Sie das Gerät neu.'),
    'es/guide.md': translation('es-ES', OLD, '03/01/2023', 'Instale la versión 8 del agente.\n\nReinicie el dispositivo.'),
    'fr/guide.md': translation('fr-FR', '9999999ffff', '06/01/2024', 'Installez la version 5 de l’agent.\n\nRedémarrez l’appareil.'),
  });
  const doc = loaded.docs[0]!;
  const data = loadQaData(loaded.files[0]!.path.replace(/mt-docs\.config\.json$/, ''));
  const report = checkDocument(doc, data).report;
  const numbers = (locale: string) => report.findings.filter((f) => f.locale === locale && f.check === 'inv.numbers');

  it('compare a plain translation with the English original, block by block', () => {
    // fr names a revision not given, so it is compared with the nearest (the current English, 7): its 5
    // differs, said as an info that may come from the revision.
    expect(numbers('fr-FR')).toEqual([expect.objectContaining({ file: 'fr/guide.md', line: 11, severity: 'info', revisionDriven: true, message: expect.stringMatching(/numbers missing: 7; numbers not in the English: 5/) })]);
    // es names the revision that says 6, and says 8: its own finding, not one the revision explains.
    expect(numbers('es-ES')).toEqual([expect.objectContaining({ file: 'es/guide.md', line: 11, severity: 'warning', message: expect.stringMatching(/numbers missing: 6; numbers not in the English: 8/) })]);
    expect(numbers('es-ES')[0]?.revisionDriven).toBeFalsy();
  });

  it('compare a translation of an earlier revision with that revision, not the current English', () => {
    // de says 6, as the revision it names does: nothing to report (against the current English it would be).
    expect(numbers('de-DE')).toEqual([]);
    const xliff = checkDocument(doc, data).xliff.find((x) => x.locale === 'de-DE')!;
    expect(xliff.englishRevision).toBe(OLD.slice(0, 7));
    expect(JSON.stringify(xliff.units[1]?.source)).toContain('version 6');
  });
});
