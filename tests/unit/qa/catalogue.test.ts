/**
 * The catalogue is the one list of checks: it matches the spec's table, every entry runs (the runner's
 * list is derived from it), every check reports under its own id, and each has its UI strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/qa/catalogue.ts';
import { buildContext } from '../../../src/qa/context.ts';
import { CHECK_FUNCTIONS, runQa } from '../../../src/qa/run-qa.ts';
import { glossary, page, P } from './helpers.ts';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { rebuildEnglish } from '../../../src/pipeline/rebuild-english.ts';

const SPEC = join(import.meta.dirname, '../../../../shared/spec/qa-checks.md');
const SEEDS = join(import.meta.dirname, '../../../content/source/become-partner');

describe('the check catalogue', () => {
  it.skipIf(!existsSync(SPEC))('lists the checks of the spec, by number and id, in its order', () => {
    const rows = [...readFileSync(SPEC, 'utf8').matchAll(/^\| (\d+) \| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => ({ n: Number(m[1]), id: m[2], compares: m[3]!.trim() }));
    expect(rows).toHaveLength(25);
    expect(CHECKS.map(({ n, id, compares }) => ({ n, id, compares }))).toEqual(rows);
  });

  it('runs every catalogued check: the runner’s list is the catalogue’s, in order, source.hotspot after them', () => {
    expect(CHECK_FUNCTIONS.map((c) => c.id)).toEqual(CHECKS.filter((c) => c.id !== 'source.hotspot').map((c) => c.id));
    for (const c of CHECKS) expect(typeof c.run === 'function' || (c.id === 'source.hotspot' && c.run === 'after-others'), c.id).toBe(true);
  });

  it('each check reports under its own id, and the seeds set off most of them', () => {
    const texts = ['de-DE', 'es-ES', 'fr-FR', 'ja-JP', 'ko-KR'].map((l) => ({ path: `${SEEDS}/${l}.md`, text: readFileSync(join(SEEDS, `${l}.md`), 'utf8') }));
    const docs = texts.map((t) => ({ ...t, doc: normalizeText(t.text, { path: t.path }).doc! }));
    const english = rebuildEnglish(docs.filter((d) => d.doc.segments.length > 0), {})!.doc!;
    const input = { docId: 'become-partner', translations: docs.map((d) => ({ doc: d.doc, text: d.text })), english, glossary, suppressions: [] };
    const ctx = buildContext(input);
    const fired = new Set<string>();
    for (const check of CHECK_FUNCTIONS) {
      for (const f of check.run(ctx)) {
        expect(f.check, `${check.id} reported ${f.check}`).toBe(check.id);
        fired.add(f.check);
      }
    }
    expect(fired.size).toBeGreaterThanOrEqual(15);
    // And the report holds them all, hotspots included where any.
    expect(new Set(runQa(input).findings.map((f) => f.check))).toEqual(new Set([...fired, ...(runQa(input).hotspots.length > 0 ? ['source.hotspot'] : [])]));
  });

  it('ws.cjk, which the seeds do not set off, fires on a page made to (a space before 。)', () => {
    const fr = page('fr-FR', `# <a name="a"></a>${P(1, 'Titre', 'Title')}\n\n${P(2, 'Voir Windows Defender ATP.', 'See Microsoft Defender for Endpoint.')}\n`);
    const ja = page('ja-JP', `# <a name="a"></a>タイトル\n\nWindowsの設定 。\n`);
    const frDoc = normalizeText(fr, { path: 'x/fr-FR.md' }).doc!;
    const jaDoc = normalizeText(ja, { path: 'x/ja-JP.md' }).doc!;
    const english = rebuildEnglish([{ path: 'x/fr-FR.md', text: fr, doc: frDoc }], {})!.doc!;
    const report = runQa({ docId: 'x', translations: [{ doc: frDoc, text: fr }, { doc: jaDoc, text: ja }], english, glossary, suppressions: [] });
    const checks = new Set(report.findings.map((f) => f.check));
    expect(checks.has('ws.cjk')).toBe(true);
  });
});
