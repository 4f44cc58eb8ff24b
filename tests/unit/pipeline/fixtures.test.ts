/**
 * Fixture tests for every pipeline plugin and every MT hazard: a folder per case under tests/fixtures/
 * <plugin>/<case>/ with `input.md` (or `input.bin` for raw bytes), optional `options.json`, and the
 * expected `expected.md` (normalised Markdown, front matter left out), `messages.txt` (one
 * diagnostic a line: `line:column severity rule-id reason`, lines counted in input.md) and, where the
 * input has MT span pairs, `segments.json`.
 *
 * Inputs without front matter get a standard one prepended, so a case shows only what it is about.
 * `UPDATE_FIXTURES=1 npx vitest run tests/unit/pipeline/fixtures.test.ts` rewrites the expectations;
 * review the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDiagnostics } from '../../../src/pipeline/diagnostics.ts';
import { normalizeBytes, type NormalizeOptions } from '../../../src/pipeline/processor.ts';
import { toMarkdown } from '../../../src/pipeline/to-markdown.ts';

const ROOT = join(import.meta.dirname, '../../fixtures');
const FRONT_MATTER = `---
title: Fixture
description: A fixture page.
ms.contentlocale: fr-FR
ms.translationtype: MT
ms.lasthandoff: 03/23/2021
ms.sourcegitcommit: 956176ed7c8b8427fdc655abcd1709d86da9447e
---
`;
const PREFIX_LINES = FRONT_MATTER.split('\n').length - 1;
const update = process.env.UPDATE_FIXTURES === '1';

interface CaseOptions {
  side?: 'target' | 'source';
  includes?: Record<string, string>;
  englishLinks?: Record<string, string>;
  upstream?: { base: string; dir: string };
  sitePages?: Record<string, string>;
}

function run(dir: string, group: string) {
  const binary = existsSync(join(dir, 'input.bin'));
  let bytes: Uint8Array = readFileSync(join(dir, binary ? 'input.bin' : 'input.md'));
  const text = Buffer.from(bytes).toString('utf8');
  // Bad-input cases are exactly what a user would hand in: nothing is added to them.
  const prefixed = group !== 'bad-input' && !binary && !/^\uFEFF?---/.test(text) && text.trim() !== '';
  if (prefixed) bytes = Buffer.concat([Buffer.from(FRONT_MATTER), bytes]);
  const caseOptions: CaseOptions = existsSync(join(dir, 'options.json')) ? JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) : {};
  const options: NormalizeOptions = {
    path: 'input.md',
    docId: 'fixture',
    side: caseOptions.side,
    resolveInclude: (path) => caseOptions.includes?.[path.split('/').pop()!] ?? null,
    englishLinkText: (url) => caseOptions.englishLinks?.[url],
    upstream: caseOptions.upstream,
    sitePages: caseOptions.sitePages,
  };
  const result = normalizeBytes(bytes, options);
  const shift = prefixed ? PREFIX_LINES : 0;
  const messages = toDiagnostics(result.file)
    .map((d) => `${d.line - shift}:${d.column} ${d.severity} ${d.ruleId} ${d.reason}`)
    .join('\n');
  const markdown = result.doc ? toMarkdown(result.doc.tree, { frontMatter: null }) : null;
  const segments = result.doc?.segments.length
    ? `${JSON.stringify(result.doc.segments.map(({ id, n, target, source, line }) => ({ id, n, line: line - shift, target, source })), null, 2)}\n`
    : null;
  return { markdown, messages: messages ? `${messages}\n` : '', segments };
}

const groups = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory());

for (const group of groups) {
  describe(group.name, () => {
    for (const name of readdirSync(join(ROOT, group.name)).sort()) {
      const dir = join(ROOT, group.name, name);
      it(name, () => {
        const { markdown, messages, segments } = run(dir, group.name);
        const expectedSegments = join(dir, 'segments.json');
        const expectedMd = join(dir, 'expected.md');
        const expectedMessages = join(dir, 'messages.txt');
        if (update) {
          if (markdown !== null) writeFileSync(expectedMd, markdown);
          else rmSync(expectedMd, { force: true });
          writeFileSync(expectedMessages, messages);
          if (segments !== null) writeFileSync(expectedSegments, segments);
          else rmSync(expectedSegments, { force: true });
        }
        if (segments === null) expect(existsSync(expectedSegments), 'segments were expected but none were found').toBe(false);
        else expect(segments).toBe(readFileSync(expectedSegments, 'utf8'));
        if (markdown === null) expect(existsSync(expectedMd), 'a page was expected but none was produced').toBe(false);
        else expect(markdown).toBe(readFileSync(expectedMd, 'utf8'));
        expect(messages).toBe(readFileSync(expectedMessages, 'utf8'));
        // Whatever the case, no MT markup survives into a page.
        if (markdown !== null) expect(markdown).not.toMatch(/data-ttu-id|data-stu-id|sxs-lookup/);
      });
    }
  });
}
