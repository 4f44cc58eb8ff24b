/**
 * unified plugin: YAML front matter → typed metadata (`file.data.meta`).
 *
 * Every problem names its line: a missing or unclosed block, YAML syntax, duplicate keys, a missing or
 * invalid required key, a locale tag that is not BCP 47 or names no known language. Must run after
 * remark-frontmatter. Never throws.
 */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { checkLocale, isSourceLanguage, SOURCE_LOCALE } from '../i18n/locales.ts';
import { report } from './diagnostics.ts';
import { metaSchema, RECOMMENDED_KEYS, toDocMeta } from './meta-schema.ts';

export interface FrontMatterOptions {
  /** Locale to use when the file has none (the rebuilt English); a file's own key wins. */
  fallbackLocale?: string;
}

/**
 * YAML aliases a front matter may expand: real ones use none. The `yaml` default (100) still lets a
 * "billion laughs" block expand to megabytes; past this it is an error naming the line.
 */
export const MAX_YAML_ALIASES = 20;

/** The front matter block of a decoded source (what remark-frontmatter sees), without parsing Markdown. */
const BLOCK = /^---[ \t]*\n([\s\S]*?)\n?^---[ \t]*$/m;

/**
 * The `ms.contentlocale` of a source, read with the same YAML reading as the page itself, so the locale
 * registry and the page never disagree (a quoted key, a comment, an anchor). Null when there is none or
 * the front matter is broken (the page's own reading reports why).
 */
export function frontMatterLocale(text: string): string | null {
  const m = BLOCK.exec(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!m || m.index !== 0) return null;
  const simple = simpleLocale(m[1]!);
  if (simple !== undefined) return simple;
  try {
    const doc = parseDocument(m[1]!, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
    const value = (doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as Record<string, unknown>)['ms.contentlocale'];
    if (typeof value !== 'string') return null;
    const checked = checkLocale(value);
    return 'code' in checked ? checked.code : null;
  } catch {
    return null;
  }
}

/**
 * Lines YAML can only read one way, in a flat map: `key: value` with an unquoted key, where the value is
 * a plain scalar that starts with no indicator, holds no `: ` or ` #` and does not end in `:`, or a
 * quoted one (single quotes with `''`, double quotes without escapes), or nothing; and under a key with
 * no value, list items `- value` (indented or not) of the same values. Real front matter is made of such lines; reading
 * them by hand costs a fraction of the YAML parser, which on a repo of thousands of sources was a second
 * of every build.
 */
const VALUE = String.raw`(?:[^\s\-?:,[\]{}#&*!|>'"%@\x60](?:(?!: | #)[^\t\n])*?|'(?:[^'\n]|'')*'|"[^"\\\n]*")`;
const KEY_LINE = new RegExp(String.raw`^([A-Za-z0-9_][\w.-]*):(?:[ ]+(${VALUE}))?[ ]*$`);
const ITEM_LINE = new RegExp(String.raw`^[ ]*-[ ]+(${VALUE})[ ]*$`);
/** Plain scalars YAML's core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.?\d|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)|0[ox])/;

/**
 * `ms.contentlocale` of a front matter made only of simple lines (`KEY_LINE`, `ITEM_LINE`, empty): the
 * value YAML would give, or null; undefined when a line is anything else, or the locale is quoted (then
 * the YAML parser decides).
 */
export function simpleLocale(block: string): string | null | undefined {
  const keys = new Set<string>();
  let value: string | undefined;
  /** Whether list items may follow (the last key had no value). */
  let list = false;
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const m = KEY_LINE.exec(line);
    if (m) {
      const plain = m[2];
      if (plain !== undefined && !/^['"]/.test(plain) && plain.trimEnd().endsWith(':')) return undefined;
      // A key twice is an error to the page's reading: that reading decides.
      if (keys.has(m[1]!)) return undefined;
      keys.add(m[1]!);
      if (m[1] === 'ms.contentlocale') value = plain ?? '';
      list = plain === undefined;
      continue;
    }
    const item = list ? ITEM_LINE.exec(line) : null;
    if (!item || (!/^['"]/.test(item[1]!) && item[1]!.trimEnd().endsWith(':'))) return undefined;
  }
  if (value === undefined || value === '') return null;
  if (/^['"]/.test(value) || NOT_A_STRING.test(value)) return undefined;
  const checked = checkLocale(value.trimEnd());
  return 'code' in checked ? checked.code : null;
}

const at = (line: number, column = 1) => ({ line, column });

export function frontMatterMeta(options: FrontMatterOptions = {}) {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0];
    if (!first || first.type !== 'yaml') {
      const opened = /^---[ \t]*(\n|$)/.test(String(file.value));
      report(
        file,
        'error',
        opened ? 'front matter is not closed: no `---` line ends it' : 'front matter is missing: the file must start with a `---` YAML block',
        at(1),
        opened ? 'front-matter-unclosed' : 'front-matter-missing',
      );
      return;
    }
    readYaml(first, file, options);
  };
}

/**
 * The last front matters parsed, by text: a span-wrapped page is normalised twice (its translation and its
 * English side), with the same front matter. Read-only once parsed (`toJS` makes fresh values).
 */
const parsedFrontMatter = new Map<string, { doc: ReturnType<typeof parseDocument>; lines: LineCounter }>();
const REMEMBERED_FRONT_MATTERS = 8;

function parseFrontMatter(text: string) {
  let parsed = parsedFrontMatter.get(text);
  if (!parsed) {
    const lines = new LineCounter();
    parsed = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines };
    if (parsedFrontMatter.size >= REMEMBERED_FRONT_MATTERS) parsedFrontMatter.delete(parsedFrontMatter.keys().next().value!);
    parsedFrontMatter.set(text, parsed);
  }
  return parsed;
}

function readYaml(node: Yaml, file: VFile, options: FrontMatterOptions) {
  // The YAML text starts on the line after the opening `---`.
  const base = (node.position?.start.line ?? 1) + 1;
  const { doc, lines } = parseFrontMatter(node.value);
  const lineOf = (offset: number | undefined) => (offset === undefined ? base - 1 : base + lines.linePos(offset).line - 1);

  for (const error of doc.errors) {
    const key = node.value.slice(error.pos[0]).split(/[:\n]/)[0]!.trim();
    const reason = error.code === 'DUPLICATE_KEY' ? `duplicate key \`${key}\` in front matter` : `front matter is not valid YAML: ${error.message.split('\n')[0]}`;
    report(file, 'error', reason, at(lineOf(error.pos[0])), error.code === 'DUPLICATE_KEY' ? 'front-matter-duplicate-key' : 'front-matter-yaml');
  }
  if (doc.errors.length > 0) return;

  const keyLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key)) keyLines.set(String(item.key.value), lineOf(item.key.range?.[0]));
    }
  } else {
    report(file, 'error', 'front matter must be a mapping of keys to values', at(base - 1), 'front-matter-yaml');
    return;
  }
  let raw: Record<string, unknown>;
  try {
    raw = (doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // The yaml library refuses alias expansion past the limit ("Excessive alias count").
    report(file, 'error', `front matter expands too many YAML aliases (more than ${MAX_YAML_ALIASES}): ${(error as Error).message.split('\n')[0]}`, at(base), 'front-matter-yaml');
    return;
  }
  if (raw['ms.contentlocale'] === undefined && options.fallbackLocale) raw['ms.contentlocale'] = options.fallbackLocale;
  // A page without ms.contentlocale is the English original (a DocFX repo's source pages carry none).
  let original = false;
  if (raw['ms.contentlocale'] === undefined) {
    raw['ms.contentlocale'] = SOURCE_LOCALE;
    original = true;
    report(file, 'info', 'no ms.contentlocale: read as the English original', at(base - 1), 'locale-original');
  }

  // An empty description is common in real repos (`description: ''`): the page simply has none.
  const input = { ...raw };
  if (typeof raw.description === 'string' && raw.description.trim() === '') {
    delete input.description;
    report(file, 'warning', 'front matter `description` is empty: the page has no description (search results and link previews show none)', at(keyLines.get('description') ?? base - 1), 'front-matter-empty');
  }
  const parsed = metaSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const line = keyLines.get(key) ?? base - 1;
      const missing = raw[key] === undefined;
      report(
        file,
        'error',
        missing ? `front matter is missing the required key \`${key}\`` : `front matter key \`${key}\` is invalid: ${issue.message}`,
        at(line),
        missing ? 'front-matter-required' : 'front-matter-invalid',
      );
    }
    return;
  }
  const locale = checkLocale(parsed.data['ms.contentlocale']);
  if ('kind' in locale) {
    report(file, 'error', `ms.contentlocale: ${locale.reason}`, at(keyLines.get('ms.contentlocale') ?? base - 1), locale.kind === 'unknown' ? 'locale-unknown' : 'locale-not-bcp47');
    return;
  }
  // A page in the source language (en, en-US) is the English original, whatever its region.
  const isSource = isSourceLanguage(locale.code);
  if (isSource && !options.fallbackLocale) original = true;
  // A translation's provenance keys; the original has none of them but a description.
  for (const key of original ? (['description'] as const) : RECOMMENDED_KEYS) {
    if (raw[key] === undefined) {
      report(file, 'warning', `front matter has no \`${key}\`; the page's provenance will show it as unknown`, at(base - 1), 'front-matter-recommended');
    }
  }
  const meta = toDocMeta({ ...parsed.data, 'ms.contentlocale': isSource ? SOURCE_LOCALE : locale.code }, raw);
  if (original) meta.original = true;
  file.data.meta = meta;
}
