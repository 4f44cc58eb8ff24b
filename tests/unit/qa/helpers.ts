/** Builds a page in several locales from Markdown strings and runs the checks on it, as the site does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../../../src/pipeline/processor.ts';
import { rebuildEnglish } from '../../../src/pipeline/rebuild-english.ts';
import { parseGlossary, type Glossary, type Suppression } from '../../../src/qa/glossary.ts';
import { runQa } from '../../../src/qa/run-qa.ts';
import type { CheckId, Finding, QaReport } from '../../../src/qa/types.ts';

export const glossary = parseGlossary(readFileSync(join(import.meta.dirname, '../../../content/qa/glossary.yaml'), 'utf8'));

interface Meta {
  commit?: string;
  handoff?: string;
  title?: string;
  description?: string;
  keywords?: string;
  extra?: string;
}

/** A received page: front matter (with a shared revision unless given) and a body. */
export function page(locale: string, body: string, meta: Meta = {}): string {
  return `---
title: ${meta.title ?? `Title ${locale}`}
description: ${meta.description ?? `Description ${locale}`}
${meta.keywords ? `keywords: ${meta.keywords}\n` : ''}ms.contentlocale: ${locale}
ms.translationtype: MT
ms.lasthandoff: ${meta.handoff ?? '03/23/2021'}
ms.sourcegitcommit: ${meta.commit ?? '956176ed7c8b8427fdc655abcd1709d86da9447e'}
ms.openlocfilehash: ea7ebe1656c0173395df158b8f934ab388bea4ba
${meta.extra ?? ''}---
${body}`;
}

/** An MT span pair. */
export const P = (n: number, target: string, source: string, prefix = 'ab12c') =>
  `<span data-ttu-id="${prefix}-${n}">${target}</span><span class="sxs-lookup"><span data-stu-id="${prefix}-${n}">${source}</span></span>`;

export function qa(files: string[], suppressions: Suppression[] = [], withGlossary: Glossary = glossary): QaReport {
  const sources = files.map((text) => {
    const locale = /ms\.contentlocale: (\S+)/.exec(text)![1]!;
    const result = normalizeText(text, { path: `${locale}.md`, docId: 'test' });
    if (!result.doc) throw new Error(result.file.messages.map((m) => m.reason).join('\n'));
    return { doc: result.doc, text };
  });
  const english = rebuildEnglish(
    sources.map((s) => ({ path: s.doc.path, text: s.text, doc: s.doc })),
    { fallbackLocale: 'en' },
  );
  return runQa({
    docId: 'test',
    translations: sources,
    english: english?.doc ?? null,
    glossary: withGlossary,
    suppressions,
  });
}

export const of = (report: QaReport, check: CheckId, locale?: string): Finding[] =>
  report.findings.filter((f) => f.check === check && (!locale || f.locale === locale));
