/**
 * UI-language words inside markup that is rendered once and shared by every UI language. The markup
 * holds a token where a word goes (`say(…)`); `localise` swaps every token for the word in one UI
 * language, escaped. Rendering the heavy part of a page (a document's grid, its findings) costs once
 * per document; each UI language costs a string replace.
 *
 * Tokens carry a random per-process nonce, so text from a source (which is inside the same markup)
 * can never be mistaken for one.
 */
import { randomBytes } from 'node:crypto';
import type { TFunction } from 'i18next';
import { escapeHtml } from '../escape-html.ts';

export interface UiLanguage {
  /** BCP 47 tag of the UI language, for Intl. */
  code: string;
  t: TFunction;
}

export type Say = (ui: UiLanguage) => string;

const NONCE = randomBytes(6).toString('hex');
const TOKEN = new RegExp(`\\uE000${NONCE}:(\\d+)\\uE001`, 'g');

export { escapeHtml };

/**
 * Words already said, by UI language (its translate function: callers make a new `UiLanguage` object per
 * call, but one function per language and build) and phrase key: the same words recur in every
 * document, and i18next is slow to ask.
 */
const WORDS = new WeakMap<TFunction, Map<string, string>>();

/** Markup split at its tokens once: text, token number, text, … (`split` with the capture group). */
export type Compiled = string[];

export class Phrases {
  private readonly said: Say[] = [];
  private readonly keys: string[] = [];
  private readonly byKey = new Map<string, string>();

  /** A token for `say(ui)`; `key` names what it says (the same key must always say the same words). */
  say(key: string, say: Say): string {
    let token = this.byKey.get(key);
    if (token === undefined) {
      token = `\uE000${NONCE}:${this.said.length}\uE001`;
      this.said.push(say);
      this.keys.push(key);
      this.byKey.set(key, token);
    }
    return token;
  }

  /** A token for the UI string `key` with `params`. */
  t(key: string, params?: Record<string, string | number>): string {
    return this.say(`t\u0000${key}\u0000${params ? JSON.stringify(params) : ''}`, (ui) => ui.t(key, params));
  }

  get size(): number {
    return this.said.length;
  }

  /** `html` split at its tokens, for `fill` in each UI language (split once, filled many times). */
  compile(html: string): Compiled {
    return html.split(TOKEN);
  }

  /** Every word of these phrases in language `ui`, escaped, by token number. */
  private words(ui: UiLanguage): string[] {
    let known = WORDS.get(ui.t);
    if (!known) WORDS.set(ui.t, (known = new Map()));
    return this.said.map((say, i) => {
      const key = this.keys[i]!;
      let word = known.get(key);
      if (word === undefined) known.set(key, (word = escapeHtml(say(ui))));
      return word;
    });
  }

  /** Compiled markup with every token in language `ui`. */
  fill(compiled: Compiled, ui: UiLanguage): string {
    const words = this.words(ui);
    let out = '';
    for (let i = 0; i < compiled.length; i++) out += i % 2 === 0 ? compiled[i]! : (words[Number(compiled[i])] ?? '');
    return out;
  }

  /** `html` with every token of these phrases in language `ui`. */
  localise(html: string, ui: UiLanguage): string {
    return this.fill(this.compile(html), ui);
  }
}
