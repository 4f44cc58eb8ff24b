/**
 * The element's shadow DOM as an HTML string, for one language, mode and set of code tabs. Pure: no
 * DOM. Only this fixed structure and the hand-written messages go through HTML (escaped all the same);
 * what a reader, an attribute or a URL supplies is written later as text (`textContent`, `.value`),
 * never here.
 *
 * Accessibility is decided here: every input has a label, `aria-describedby` names its hint and its
 * message list, the code tabs follow the ARIA tabs pattern (one tab stop, `aria-selected`,
 * `aria-controls`), and there is exactly one live region, a polite `role=status`.
 */
import type { FieldName } from '../ua/normalize-field.ts';
import type { SnippetLanguage } from '../ua/snippets.ts';
import { format, type Messages } from './messages.ts';

export type Mode = 'build' | 'validate' | 'both';

/** Tab names are product names, the same in every language. */
export const SNIPPET_LABELS: Record<SnippetLanguage, string> = {
  curl: 'curl',
  powershell: 'PowerShell 7',
  python: 'Python',
  csharp: 'C#',
  javascript: 'Node.js 18+',
  go: 'Go',
  java: 'Java 11+',
};

export interface ShadowOptions {
  m: Messages;
  /** The language the messages are really in (English when the requested one is unavailable). */
  lang: string;
  mode: Mode;
  languages: SnippetLanguage[];
  selected: SnippetLanguage;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Names and versions are not prose: no spellcheck, no capitalised first letter on phones.
const TEXT_INPUT = 'part="input" autocomplete="off" autocapitalize="off" spellcheck="false"';

function field(name: FieldName | 'check', label: string, hint?: string, extra = ''): string {
  const hintHtml = hint ? `<p class="h" id="${name}-h">${escapeHtml(hint)}</p>` : '';
  return (
    `<div part="field"><label for="${name}" part="label">${escapeHtml(label)}</label>` +
    `<input id="${name}" ${TEXT_INPUT} aria-describedby="${hint ? `${name}-h ` : ''}${name}-m">` +
    `${hintHtml}<ul id="${name}-m" part="messages"></ul>${extra}</div>`
  );
}

export function shadowMarkup({ m, lang, mode, languages, selected }: ShadowOptions): string {
  const button = (attributes: string, label: string) => `<button ${attributes} part="button">${escapeHtml(label)}</button>`;
  const builder =
    field('company', m.company, m.companyHint) +
    field('product', m.product, format(m.example, { value: 'ContosoCognito' })) +
    field('version', m.version, format(m.example, { value: '1.0.0' })) +
    `<div role="group" aria-labelledby="vl"><span class="l" id="vl">User-Agent</span>` +
    `<code class="v" id="value" part="value"></code><div class="a">` +
    button('data-copy="value"', m.copyValue) +
    button('data-copy="header"', m.copyHeader) +
    `</div></div>`;
  const tabs = languages
    .map((language) => {
      const on = language === selected;
      return `<button role="tab" id="t-${language}" data-tab="${language}" aria-controls="panel" aria-selected="${on}" tabindex="${on ? 0 : -1}" part="tab">${SNIPPET_LABELS[language]}</button>`;
    })
    .join('');
  const snippets =
    `<div><div role="tablist" aria-label="${escapeHtml(m.code)}" part="tabs">${tabs}</div>` +
    // The code scrolls sideways (long lines are not wrapped inside string literals): the block itself is
    // the panel's tab stop, so a keyboard can scroll it.
    `<div role="tabpanel" id="panel" aria-labelledby="t-${selected}" part="panel">` +
    `<pre part="snippet" id="listing" tabindex="0" aria-labelledby="t-${selected}"><code id="code"></code></pre><p class="h" id="note">${escapeHtml(m.nodeNote)}</p>` +
    `<div class="a">${button('data-copy="snippet"', m.copyCode)}</div></div></div>`;
  const checker = field('check', m.check, undefined, button('id="load" hidden', m.load));
  // The one status line sits right under what it judges: the built value, or in the checker alone the
  // checked one (never under the empty checker field, where "Valid: …" would read as its verdict).
  const status = `<p class="s" id="status" role="status" part="status"></p>`;
  return (
    `<div class="w" lang="${escapeHtml(lang)}" part="base">` +
    (mode === 'validate' ? checker + status : builder + status + (languages.length ? snippets : '') + (mode === 'build' ? '' : checker)) +
    `</div>`
  );
}
