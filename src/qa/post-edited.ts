/**
 * The front-matter key that says a human post-edited the machine translation, set by `import
 * --mark-post-edited` and shown by the site as "machine translation, post-edited", and by the
 * translator workbench per segment or block:
 *
 *   mt-docs.post-edited: ["55724-112", "step-4:3"]   the units (segment ids, block keys) post-edited
 *   mt-docs.post-edited: true                         the whole file, units not recorded
 *
 * `ms.translationtype` is left as the hand-off set it: it is the vendor's word. Pure.
 */
import { POST_EDITED_KEY } from '../pipeline/meta-schema.ts';

const KEY_LINE = new RegExp(`^${POST_EDITED_KEY.replace(/[.-]/g, '\\$&')}[ \\t]*:(.*)$`, 'm');

/** The units a value of the key lists: null for `true` (the whole file) or no list at all. */
function listed(value: string): string[] | null {
  try {
    const parsed: unknown = JSON.parse(value.trim());
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The page's text with the key set in its front matter (added before the closing `---`, or changed in
 * place): the units given added to the ones the key lists already (a JSON array, valid YAML), or
 * `true` when no units are given or the file is marked as a whole already.
 */
export function markPostEdited(text: string, units?: string[]): string {
  const m = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!m) return text;
  const eol = m[3]!;
  const body = m[2]!;
  const current = KEY_LINE.exec(body);
  const wholeFile = !units || (current !== null && current[1]!.trim() === 'true');
  const before = current ? (listed(current[1]!) ?? []) : [];
  const value = wholeFile ? 'true' : JSON.stringify([...new Set([...before, ...units])].sort());
  const next = current ? body.replace(KEY_LINE, `${POST_EDITED_KEY}: ${value}`) : `${body}${eol}${POST_EDITED_KEY}: ${value}`;
  return m[1] + next + eol + m[4] + text.slice(m[0].length);
}
