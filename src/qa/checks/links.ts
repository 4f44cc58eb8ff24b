/** Checks 6–9: where links point, and what MT did to their text and brackets. */
import { OffsetMap } from '../../pipeline/offset-map.ts';
import { neutralUrl } from '../../reader/align-blocks.ts';
import { unitFinding, type Check, type LocaleData, type QaContext, type RawFinding, type Unit } from '../context.ts';
import { multisetDiff } from '../text-view.ts';

export const linkUrlParity: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      if (!u.source) continue;
      const d = multisetDiff(u.source.urls.map(neutralUrl), u.target.urls.map(neutralUrl));
      if (d.missing.length || d.extra.length) {
        const parts = [d.missing.length ? `links missing to ${d.missing.join(', ')}` : '', d.extra.length ? `links not in the English to ${d.extra.join(', ')}` : ''].filter(Boolean);
        const extraUrl = d.extra.length ? u.target.urls.find((x) => neutralUrl(x) === d.extra[0]) : undefined;
        findings.push(unitFinding(u, 'link.url-parity', 'warning', parts.join('; '), u.target.raw, extraUrl ? { find: extraUrl } : undefined));
      }
    }
    // Within one file, one URL should keep one text.
    const texts = new Map<string, { texts: Set<string>; unit: Unit; url: string }>();
    for (const u of l.units) {
      for (const link of u.target.links) {
        const key = neutralUrl(link.url);
        const entry = texts.get(key) ?? { texts: new Set<string>(), unit: u, url: link.url };
        entry.texts.add(link.text.trim());
        texts.set(key, entry);
      }
    }
    for (const [url, e] of texts) {
      if (e.texts.size >= 2) {
        findings.push(unitFinding(e.unit, 'link.url-parity', 'info', `${url} is linked with ${e.texts.size} different texts: ${[...e.texts].map((t) => `“${t}”`).join(', ')}`, `${url}|${[...e.texts].sort().join('|')}`, { find: e.url }));
      }
    }
  }
  findings.push(...urlsOnlyHere(ctx));
  return findings;
};

/**
 * A URL one locale links to and no other locale (nor the English) does: MT does not invent URLs, so
 * either the file was edited or it was translated from a source revision with another link. One finding
 * per URL, at its first link. Revision-driven (info) where no other locale shares the file's revision.
 */
function urlsOnlyHere(ctx: QaContext): RawFinding[] {
  if (ctx.locales.length < 3) return [];
  const urlsOf = (views: Iterable<{ view: { urls: string[] } }>) => new Set([...views].flatMap((b) => b.view.urls.map(neutralUrl)));
  const perLocale = ctx.locales.map((l) => urlsOf(l.blocks.values()));
  const english = ctx.english ? urlsOf(ctx.english.blocks.values()) : new Set<string>();
  const revision = (l: LocaleData) => l.doc.meta.sourceCommit ?? '';
  const findings: RawFinding[] = [];
  ctx.locales.forEach((l, i) => {
    const sharesRevision = ctx.locales.some((o) => o !== l && revision(o) === revision(l) && revision(l) !== '');
    for (const url of perLocale[i]!) {
      if (english.has(url) || perLocale.some((other, j) => j !== i && other.has(url))) continue;
      // What the other locales link to at this place instead: the aligned block's URLs elsewhere.
      const block = [...l.blocks.values()].find((b) => b.view.urls.some((x) => neutralUrl(x) === url));
      if (!block) continue;
      const rawUrl = block.view.urls.find((x) => neutralUrl(x) === url)!;
      const start = block.block.start >= 0 ? block.block.start : l.src.lineStart(block.block.line);
      const end = block.block.end >= 0 ? block.block.end : l.src.lineStart(block.block.line + 1);
      const at = l.src.find(rawUrl, start, end);
      const place = l.src.at(at >= 0 ? at : start);
      const lines = [...l.blocks.values()].filter((b) => b.view.urls.some((x) => neutralUrl(x) === url)).map((b) => b.block.line);
      const driven = !sharesRevision && l.otherRevision;
      findings.push({
        check: 'link.url-parity',
        severity: driven ? 'info' : 'warning',
        locale: l.locale,
        file: l.file,
        ...place,
        anchor: block.block.anchor,
        block: block.block.key,
        message: `links to ${url} (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}), which no other locale links to${driven ? ' (source changed: translated from another revision)' : ''}`,
        ...(driven ? { revisionDriven: true } : {}),
        intrinsic: true,
        subject: `only|${url}`,
      });
    }
  });
  return findings;
}

/**
 * The translation as Markdown text, span markup off, with code blanked out (same length, so offsets
 * still map) and a way back to lines of the file as received.
 */
function targetText(l: LocaleData) {
  // What the pipeline parsed: the checks never take the span markup off again.
  const stripped = { text: l.doc.parsed?.text ?? l.text, map: OffsetMap.fromRuns(l.doc.parsed?.runs ?? []) };
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const masked = stripped.text
    .replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
  const placeAt = (offset: number) => l.src.at(stripped.map.toOriginal(offset));
  return { masked, placeAt };
}

/** The section (anchor) and block a line belongs to. */
function placeOf(l: LocaleData, line: number) {
  let block = l.doc.blocks[0];
  for (const b of l.doc.blocks) if (b.line <= line) block = b;
  return block ? { anchor: block.anchor, block: block.key } : {};
}

export const linkEmptyText: Check = (ctx) =>
  ctx.locales.flatMap((l) => {
    const { masked, placeAt } = targetText(l);
    return [...masked.matchAll(/(?<!!)\[\s*\]\(\s*<?([^)\s>]*)>?[^)]*\)/g)].map((m): RawFinding => {
      const place = placeAt(m.index);
      return { check: 'link.empty-text', severity: 'error', locale: l.locale, file: l.file, ...place, ...placeOf(l, place.line), message: `link to ${m[1]} has no text: readers see nothing to click`, intrinsic: true, subject: `${place.line}|${m[0]}` };
    });
  });

const INCLUDE = /\[!include\s*\[[^\]]*\]\([^)]*\)\]/gi;

export const linkNested: Check = (ctx) =>
  ctx.locales.flatMap((l) => {
    const { masked, placeAt } = targetText(l);
    const text = masked.replace(INCLUDE, (s) => ' '.repeat(s.length));
    const findings: RawFinding[] = [];
    // A bracket group holding a complete link, itself not a link.
    for (const m of text.matchAll(/\[([^[\]\n]*)\[([^\]\n]*)\]\(([^)\s]*)[^)]*\)([^[\]\n]*)\](?!\()/g)) {
      const place = placeAt(m.index);
      findings.push({ check: 'link.nested', severity: 'error', locale: l.locale, file: l.file, ...place, ...placeOf(l, place.line), message: `link inside a bracket group: “${m[0].trim()}” (MT moved the brackets)`, intrinsic: true, subject: m[0] });
    }
    // `[text] (url)`: a space between the brackets and the URL breaks the link.
    for (const m of text.matchAll(/\[[^[\]\n]+\] +\(([^)\s]+)\)/g)) {
      const place = placeAt(m.index);
      findings.push({ check: 'link.nested', severity: 'error', locale: l.locale, file: l.file, ...place, ...placeOf(l, place.line), message: `broken link: a space between “]” and “(”: ${m[0]}`, intrinsic: true, subject: m[0] });
    }
    return findings;
  });

const END_MARK = /[.。!?！？]\s*$/;
const START_MARK = /^\s*[、。,.;:]/;

export const linkScope: Check = (ctx) => {
  const findings: RawFinding[] = [];
  for (const l of ctx.locales) {
    for (const u of l.units) {
      for (const link of u.target.links) {
        const spot = { find: link.text.trim() };
        if (START_MARK.test(link.text)) findings.push({ ...unitFinding(u, 'link.scope', 'warning', `link text starts with punctuation: “${link.text.trim()}”`, `start|${link.text}`, spot), intrinsic: true });
        if (!u.source) continue;
        const english = u.source.links.find((s) => neutralUrl(s.url) === neutralUrl(link.url));
        if (!english) continue;
        // One finding per link: a link grown over the whole sentence also took in its end.
        const before = (prose: string, text: string) => prose.slice(0, Math.max(0, prose.indexOf(text))).trim();
        if (link.text.trim() && before(u.target.text, link.text).length === 0 && u.target.text.trim().length - link.text.trim().length <= 1 && before(u.source.text, english.text).length > 0) {
          findings.push(unitFinding(u, 'link.scope', 'warning', `the link now spans the whole sentence; in the English it is only “${english.text.trim()}”`, `whole|${link.text}`, spot));
        } else if (END_MARK.test(link.text) && !END_MARK.test(english.text)) {
          findings.push(unitFinding(u, 'link.scope', 'warning', `link text takes in the end of the sentence: “${link.text.trim()}” (English: “${english.text.trim()}”)`, `end|${link.text}`, spot));
        }
      }
    }
  }
  return findings;
};
