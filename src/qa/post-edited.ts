/**
 * The front-matter key that says a human post-edited the machine translation (`mt-docs.post-edited:
 * true`), set by `import --mark-post-edited` and shown by the site as "machine translation,
 * post-edited". `ms.translationtype` is left as the hand-off set it: it is the vendor's word. Pure.
 */
import { POST_EDITED_KEY } from '../pipeline/meta-schema.ts';

/** The page's text with the key set in its front matter (added before the closing `---`, or changed in place). */
export function markPostEdited(text: string): string {
  const m = /^(\uFEFF?---\r?\n)([\s\S]*?)(\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!m) return text;
  const eol = m[3]!;
  const body = m[2]!;
  const line = new RegExp(`^${POST_EDITED_KEY.replace(/[.-]/g, '\\$&')}[ \\t]*:.*$`, 'm');
  const next = line.test(body) ? body.replace(line, `${POST_EDITED_KEY}: true`) : `${body}${eol}${POST_EDITED_KEY}: true`;
  return m[1] + next + eol + m[4] + text.slice(m[0].length);
}
