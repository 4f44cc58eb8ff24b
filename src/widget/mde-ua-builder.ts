/**
 * `<mde-ua-builder>`: builds, explains and checks the `MdePartner-{Company}-{Product}/{Version}`
 * User-Agent value in the reader's language (spec §7), with copy buttons and code in seven languages.
 * Browser only. Depends on the pure core (src/ua) and on nothing else at run time: no framework, no
 * i18next; its words are JSON bundled at build time. Written with its 8 KB gzip budget in mind.
 *
 * It must never put reader, attribute or URL input into HTML (only into `textContent` and `.value`),
 * never copy, show as valid or turn into code a value the core rejected, and never announce per
 * keystroke: its one live region is a polite `role=status` written after a pause.
 */
// The core's modules one by one rather than its index: the index also re-exports the parser, which
// this element loads only on demand (load-parser.ts), and a static path to it would undo that.
import { buildUserAgent, type BuildResult } from '../ua/build.ts';
import type { Issue, Level } from '../ua/codes.ts';
import type { FieldName } from '../ua/normalize-field.ts';
import type { ParseResult } from '../ua/parse.ts';
import { renderSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from '../ua/snippets.ts';
import { readUrlState, writeUrlState } from '../ua/url-state.ts';
import { loadParser } from './load-parser.ts';
import { describeIssue, ENGLISH, format, loadMessages, type Messages } from './messages.ts';
import { resolveLang } from './resolve-lang.ts';
import { shadowMarkup, type Mode } from './shadow-markup.ts';
import { widgetStyles } from './styles.ts';

const FIELDS: FieldName[] = ['company', 'product', 'version'];
const MODES: Mode[] = ['build', 'validate', 'both'];
/** Quiet while someone types, prompt once they pause. */
const STATUS_DELAY_MS = 700;

export type CopyKind = 'value' | 'header' | 'snippet';

/** `detail` of `mde-ua-input` (with `field`) and `mde-ua-change`. */
export interface BuilderDetail {
  company: string;
  product: string;
  version: string;
  value: string | null;
  valid: boolean;
  field?: FieldName;
}

const isField = (name: unknown): name is FieldName => FIELDS.includes(name as FieldName);
const isLanguage = (name: unknown): name is SnippetLanguage => SNIPPET_LANGUAGES.includes(name as SnippetLanguage);
const isMode = (name: unknown): name is Mode => MODES.includes(name as Mode);
const text = (value: string): Text => document.createTextNode(value);

export class MdeUaBuilder extends HTMLElement {
  static observedAttributes = [...FIELDS, 'lang', 'mode', 'snippet', 'snippets'];

  /**
   * Properties mirror the attributes: setting one sets the attribute; reading a field gives what is in
   * the field now (typed or applied), reading `theme`, `mode` or `snippet` gives the one in effect.
   */
  declare company: string;
  declare product: string;
  declare version: string;
  declare theme: string;
  declare mode: Mode;
  declare snippet: SnippetLanguage;

  static {
    const current: Record<string, (element: MdeUaBuilder) => string> = {
      company: (element) => element.#fields.company,
      product: (element) => element.#fields.product,
      version: (element) => element.#fields.version,
      theme: (element) => /^(light|dark)$/.exec(element.getAttribute('theme') ?? '')?.[0] ?? 'auto',
      mode: (element) => element.#mode(),
      snippet: (element) => element.#snippet(),
    };
    for (const [name, get] of Object.entries(current))
      Object.defineProperty(this.prototype, name, {
        get(this: MdeUaBuilder) {
          return get(this);
        },
        set(this: MdeUaBuilder, value: string) {
          this.setAttribute(name, value);
        },
      });
  }

  readonly #root = this.attachShadow({ mode: 'open' });
  #fields: Record<FieldName, string> = { company: '', product: '', version: '' };
  /** Fields whose problems are shown: an untouched empty form should not open with three errors. */
  #shown = new Set<FieldName>();
  #result = buildUserAgent(this.#fields);
  #check = '';
  /** Present once the checker has been used: the parser is loaded on demand (load-parser.ts). */
  #parse?: (userAgent: unknown) => ParseResult;
  #parsed?: ParseResult;
  #selected?: SnippetLanguage;
  #urlMode?: Mode;
  #urlRead = false;
  #m: Messages = ENGLISH;
  #lang = 'en';
  /** The language whose checker words are loaded (or on their way). */
  #checkerLang = '';
  #loads = 0;
  #rendered = false;
  #ready = false;
  #reported = '';
  #fromCheck = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    // No <slot>: the light-DOM fallback disappears as soon as the element is defined.
    const root = this.#root;
    root.adoptedStyleSheets = [widgetStyles()];
    root.addEventListener('input', (event) => this.#onInput(event.target as HTMLInputElement));
    root.addEventListener('click', (event) => this.#onClick((event.target as Element).closest('button')));
    root.addEventListener('keydown', (event) => this.#onKeydown(event as KeyboardEvent));
    // The checker's words come when someone is about to use it, not with every page.
    root.addEventListener('focusin', (event) => (event.target as Element).id === 'check' && this.#loadChecker());
  }

  connectedCallback(): void {
    if (!this.#urlRead && this.hasAttribute('url-state')) {
      this.#urlRead = true;
      const state = readUrlState(location.search);
      for (const name of FIELDS) if (state[name] !== undefined) this.#setField(name, state[name], true);
      if (isLanguage(state.snippet)) this.#selected = state.snippet;
      if (isMode(state.mode)) this.#urlMode = state.mode;
    }
    void this.#load();
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (isField(name)) {
      if (value === null) this.#shown.delete(name);
      this.#setField(name, value ?? '', value !== null);
    } else if (name === 'lang') {
      if (this.isConnected) void this.#load();
    } else if (name === 'snippet') {
      if (isLanguage(value)) this.#select(value);
    } else {
      if (name === 'mode') this.#urlMode = undefined;
      if (this.#rendered) this.#render();
    }
  }

  /** The built value, or null while any field has an error. */
  get value(): string | null {
    return this.#result.value;
  }
  get valid(): boolean {
    return this.#result.ok;
  }
  get result(): BuildResult {
    return this.#result;
  }

  /** Checks an existing value (spec §4) without touching the form; resolves once the parser is loaded. */
  async validate(userAgent: unknown): Promise<ParseResult> {
    return (await loadParser())(userAgent);
  }

  setFields(fields: Partial<Record<FieldName, unknown>>): void {
    for (const name of FIELDS) if (fields?.[name] !== undefined) this.#setField(name, String(fields[name] ?? ''), true);
  }

  /** Back to the attributes: fields as configured, checker empty, nothing announced. */
  reset(): void {
    this.#shown.clear();
    for (const name of FIELDS) this.#setField(name, this.getAttribute(name) ?? '', this.hasAttribute(name));
    this.#check = '';
    this.#render();
    clearTimeout(this.#timer);
  }

  #mode(): Mode {
    const mode = this.#urlMode ?? this.getAttribute('mode');
    return isMode(mode) ? mode : 'both';
  }

  /** The code tab shown: the chosen one when it is among the tabs, else the first. */
  #snippet(): SnippetLanguage {
    const languages = this.#languages();
    return this.#selected && languages.includes(this.#selected) ? this.#selected : (languages[0] ?? 'curl');
  }

  #languages(): SnippetLanguage[] {
    const list = this.getAttribute('snippets');
    return list === null ? [...SNIPPET_LANGUAGES] : [...new Set(list.split(',').map((name) => name.trim()))].filter(isLanguage);
  }

  async #load(): Promise<void> {
    const load = ++this.#loads;
    const lang = resolveLang(this);
    const messages = lang === 'en' ? ENGLISH : await loadMessages(lang, 'widget', ENGLISH);
    if (load !== this.#loads) return;
    this.#m = messages ?? ENGLISH;
    this.#lang = messages ? lang : 'en';
    this.#checkerLang = '';
    this.#render();
    if (this.#check) await this.#loadChecker();
    // Again after each change of language, so a page can follow the language the builder speaks.
    this.#ready = true;
    this.#emit('mde-ua-ready', { lang: this.#lang });
  }

  /** The checker's words in the current language (English if it has none) and the parser. */
  async #loadChecker(): Promise<void> {
    const lang = this.#lang;
    if (this.#checkerLang === lang) return;
    this.#checkerLang = lang;
    try {
      const [parse, messages] = await Promise.all([
        loadParser(),
        loadMessages(lang, 'checker', this.#m).then((found) => found ?? loadMessages('en', 'checker', this.#m)),
      ]);
      this.#parse = parse;
      if (messages && lang === this.#lang) this.#m = messages;
      this.#updateCheck();
    } catch {
      // The parser did not arrive (offline, blocked): the next keystroke in the checker tries again.
      this.#checkerLang = '';
    }
  }

  /** The whole shadow tree, for a new language, mode or set of tabs; state is written back into it. */
  #render(): void {
    this.#root.innerHTML = shadowMarkup({
      m: this.#m,
      lang: this.#lang,
      mode: this.#mode(),
      languages: this.#languages(),
      selected: this.#snippet(),
    });
    this.#rendered = true;
    const check = this.#get<HTMLInputElement>('check');
    if (check) check.value = this.#check;
    this.#update(false);
    this.#updateCheck();
  }

  #get<T extends HTMLElement = HTMLElement>(id: string): T | null {
    return this.#root.getElementById(id) as T | null;
  }

  #setField(name: FieldName, value: string, show: boolean): void {
    this.#fields[name] = value;
    if (show) this.#shown.add(name);
    this.#update();
  }

  /** Everything that follows from the fields: messages, value, buttons, code, events, status. */
  #update(announce = true): void {
    const result = (this.#result = buildUserAgent(this.#fields));
    if (!this.#rendered) return;
    for (const name of FIELDS) {
      const input = this.#get<HTMLInputElement>(name);
      if (!input) break;
      const { errors, warnings, infos, suggestion } = result.fields[name];
      const shown = this.#shown.has(name);
      if (input.value !== this.#fields[name]) input.value = this.#fields[name];
      input.setAttribute('aria-invalid', `${shown && errors.length > 0}`);
      const items = this.#items(shown ? [...errors, ...warnings, ...infos] : [], (issue) =>
        errors.includes(issue) ? 'error' : warnings.includes(issue) ? 'warning' : 'info',
      );
      if (shown && suggestion) {
        const apply = this.#create('button', format(this.#m.apply, { value: suggestion }));
        apply.dataset.apply = name;
        apply.part.add('button');
        items.push(this.#entry('info', apply));
      }
      this.#get(`${name}-m`)!.replaceChildren(...items);
    }
    this.#get('value')?.replaceChildren(...this.#preview(result));
    for (const button of this.#root.querySelectorAll<HTMLButtonElement>('[data-copy]')) button.disabled = !result.ok;
    this.#showSnippet();
    if (`${result.value}` !== this.#reported) {
      this.#reported = `${result.value}`;
      if (this.#ready) this.#emit('mde-ua-change', this.#detail());
    }
    if (announce) this.#schedule(false);
  }

  /** List items for issues that have words (`I_SUGGESTION` is the Apply button instead). */
  #items(issues: Issue[], levelOf: (issue: Issue) => Level): HTMLLIElement[] {
    return issues.flatMap((issue) => {
      const words = describeIssue(this.#m, issue);
      return words ? [this.#entry(levelOf(issue), words)] : [];
    });
  }

  #entry(level: Level, content: string | Node): HTMLLIElement {
    const item = this.#create('li');
    item.className = level;
    item.part.add('message');
    item.append(this.#create('b', this.#m[level]), content);
    return item;
  }

  #create<K extends keyof HTMLElementTagNameMap>(tag: K, content = ''): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    element.textContent = content;
    return element;
  }

  /** The value, or the format with the parts that are already valid filled in. */
  #preview({ value, fields }: BuildResult): Node[] {
    if (value) return [text(value)];
    const part = (name: FieldName, placeholder: string): Node => {
      if (!fields[name].errors.length) return text(fields[name].value);
      const span = this.#create('span', placeholder);
      span.className = 'p';
      return span;
    };
    return [
      text('MdePartner-'),
      part('company', '{CompanyName}'),
      text('-'),
      part('product', '{ProductName}'),
      text('/'),
      part('version', '{Version}'),
    ];
  }

  #showSnippet(): void {
    const code = this.#get('code');
    if (!code) return;
    const language = this.#snippet();
    const snippet = renderSnippet(language, this.#fields);
    // No code for a rejected value, only how many problems stand in the way (empty fields included);
    // before anything is typed, what to do rather than a count of errors nobody made yet.
    const untouched = this.#shown.size === 0 && FIELDS.every((name) => this.#fields[name] === '');
    code.textContent = snippet.ok ? snippet.code : untouched ? this.#m.pending : format(this.#m.invalid, { count: this.#errorCount(FIELDS) });
    this.#get('note')!.hidden = language !== 'javascript';
  }

  #errorCount(fields = FIELDS.filter((name) => this.#shown.has(name))): number {
    return fields.reduce((count, name) => count + this.#result.fields[name].errors.length, 0);
  }

  #select(language: SnippetLanguage, focus = false): void {
    this.#selected = language;
    for (const tab of this.#root.querySelectorAll<HTMLElement>('[role=tab]')) {
      const on = tab.dataset.tab === language;
      tab.setAttribute('aria-selected', `${on}`);
      tab.tabIndex = on ? 0 : -1;
      if (on) {
        this.#get('panel')!.setAttribute('aria-labelledby', tab.id);
        this.#get('listing')?.setAttribute('aria-labelledby', tab.id);
        if (focus) tab.focus();
      }
    }
    this.#showSnippet();
  }

  #updateCheck(): void {
    const input = this.#get<HTMLInputElement>('check');
    if (!input) return;
    const parsed = (this.#parsed = this.#check.trim() ? this.#parse?.(this.#check) : undefined);
    const parts = this.#parsedParts();
    input.setAttribute('aria-invalid', `${!!parsed && !parsed.ok}`);
    const items = this.#items(parsed?.diags ?? [], (diag) => (diag as ParseResult['diags'][number]).level);
    if (parsed?.ok && parts) items.unshift(this.#entry('info', format(this.#m.valid, { value: parts })));
    this.#get('check-m')!.replaceChildren(...items);
    this.#get('load')!.hidden = !parts || this.#mode() !== 'both';
  }

  #parsedParts(): string | undefined {
    const { company, product, version } = this.#parsed ?? {};
    return company && product && version ? `${company} / ${product} / ${version}` : undefined;
  }

  #onInput({ id, value }: HTMLInputElement): void {
    if (id === 'check') {
      this.#check = value;
      // A first keystroke can beat the checker's words; the list is redrawn when they arrive.
      void this.#loadChecker();
      this.#updateCheck();
      this.#schedule(true);
    } else if (isField(id)) {
      this.#setField(id, value, true);
      this.#emit('mde-ua-input', { ...this.#detail(), field: id });
    }
  }

  #onClick(button: HTMLButtonElement | null): void {
    const { tab, copy, apply } = button?.dataset ?? {};
    if (isLanguage(tab)) {
      this.#select(tab);
      this.#writeUrlState();
    } else if (copy) {
      void this.#copy(copy as CopyKind);
    } else if (isField(apply)) {
      this.#setField(apply, this.#result.fields[apply].suggestion ?? this.#fields[apply], true);
      // The button went with the error it fixed; the field keeps the reader's place.
      this.#get(apply)!.focus();
    } else if (button?.id === 'load') {
      this.setFields(this.#parsed!);
      this.#get('company')!.focus();
    }
  }

  /** The ARIA tabs pattern: arrows move between tabs (mirrored right to left), Home and End jump. */
  #onKeydown(event: KeyboardEvent): void {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role=tab]');
    if (!tab) return;
    const tabs = [...this.#root.querySelectorAll<HTMLElement>('[role=tab]')];
    const index = tabs.indexOf(tab);
    const step = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: index + step,
      ArrowLeft: index - step,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs.at(moves[event.key]! % tabs.length)?.dataset.tab;
    if (!(event.key in moves) || !isLanguage(next)) return;
    event.preventDefault();
    this.#select(next, true);
    this.#writeUrlState();
  }

  async #copy(kind: CopyKind): Promise<void> {
    const value = this.#result.value!;
    const language = this.#snippet();
    const snippet = renderSnippet(language, this.#fields);
    const copied = kind === 'value' ? value : kind === 'header' ? `User-Agent: ${value}` : snippet.ok ? snippet.code : '';
    // A pending summary would talk over "Copied"; the address is still brought up to date.
    clearTimeout(this.#timer);
    this.#writeUrlState();
    try {
      await navigator.clipboard.writeText(copied);
      this.#say(this.#m.copied, true);
      this.#emit('mde-ua-copy', kind === 'snippet' ? { kind, text: copied, language } : { kind, text: copied });
    } catch {
      // Refused: an iframe embedded without allow="clipboard-write", or not a secure context.
      this.#say(this.#m.copyFailed, true);
    }
  }

  #schedule(fromCheck: boolean): void {
    this.#fromCheck = fromCheck;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#placeStatus();
      this.#say(this.#summary());
      this.#writeUrlState();
    }, STATUS_DELAY_MS);
  }

  #summary(): string {
    const { valid, invalid } = this.#m;
    const parts = this.#parsedParts();
    const errors = this.#fromCheck ? (this.#parsed?.diags.filter((diag) => diag.level === 'error').length ?? 0) : this.#errorCount();
    const value = this.#fromCheck ? (this.#parsed?.ok ? parts : undefined) : this.#result.value;
    return value ? format(valid, { value }) : errors ? format(invalid, { count: errors }) : '';
  }

  /** The status line goes under what it is about: the checker's field for a checked value, else the built value. */
  #placeStatus(): void {
    const status = this.#get('status');
    const anchor = this.#fromCheck ? this.#get('check')?.closest('[part=field]') : this.#get('value')?.closest('[role=group]');
    if (status && anchor && anchor.nextElementSibling !== status) anchor.after(status);
  }

  /** Writes the one live region; `again` re-announces a repeated message ("Copied" twice). */
  #say(words: string, again = false): void {
    const status = this.#get('status');
    if (!status || (status.textContent === words && !again)) return;
    status.textContent = again ? '' : words;
    // A screen reader announces a change: the same words twice need a moment of silence between.
    if (again) setTimeout(() => (status.textContent = words), 50);
  }

  #writeUrlState(): void {
    if (!this.hasAttribute('url-state')) return;
    const query = writeUrlState(location.search, { ...this.#fields, snippet: this.#selected, mode: this.#urlMode });
    history.replaceState(history.state, '', `${location.pathname}${query && `?${query}`}${location.hash}`);
  }

  #detail(): BuilderDetail {
    return { ...this.#fields, value: this.#result.value, valid: this.#result.ok };
  }

  #emit(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mde-ua-builder': MdeUaBuilder;
  }
}
