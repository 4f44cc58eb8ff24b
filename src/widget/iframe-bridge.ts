/**
 * The iframe page's side of postMessage protocol v1 (spec §7): configures the page's one
 * `<mde-ua-builder>` from the query and from its host, and tells the host about changes, copies and
 * its height. Browser only; loaded before the element's module, so no event of the element is missed.
 *
 * Security rules it must never break: only `ready` goes out before a host is known, to any origin and
 * with no user data; the host is recorded from the first valid `init` whose source is our parent
 * window (and whose origin is the one named by `?origin=`, when given); after that, only messages from
 * that origin and window are read, and everything is posted to that origin only.
 */
import { CONFIG_KEYS, envelope, readConfig, readHostMessage, type Config } from './embed-protocol.ts';
import type { BuilderDetail, CopyKind } from './mde-ua-builder.ts';

const element = document.querySelector('mde-ua-builder')!;
const params = new URLSearchParams(location.search);
const expectedOrigin = params.get('origin');
const embedded = parent !== window;
let peer: string | null = null;
let height = 0;

function applyConfig(config: Config): void {
  for (const key of CONFIG_KEYS) if (config[key] !== undefined) element.setAttribute(key, config[key]);
}

function post(type: string, data?: Record<string, unknown>): void {
  if (peer) parent.postMessage(envelope(type, data), peer);
}

function postHeight(): void {
  const next = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (next !== height) post('resize', { height: (height = next) });
}

// The query configures the page like attributes do (same names, same checks). Without `lang`, the
// page's own "en" must not decide: the builder then goes by the browser's language (spec §7).
applyConfig(readConfig(Object.fromEntries(params)) ?? {});
if (!params.has('lang')) document.documentElement.removeAttribute('lang');

let announced = false;
element.addEventListener('mde-ua-ready', (event) => {
  // The page's language follows the builder's, so assistive technology reads the frame right.
  document.documentElement.lang = (event as CustomEvent<{ lang: string }>).detail.lang;
  if (embedded && !announced) parent.postMessage(envelope('ready'), '*');
  announced = true;
});
element.addEventListener('mde-ua-change', (event) => {
  const { company, product, version, value, valid } = (event as CustomEvent<BuilderDetail>).detail;
  post('change', { company, product, version, value, valid });
});
element.addEventListener('mde-ua-copy', (event) => {
  const { kind, language } = (event as CustomEvent<{ kind: CopyKind; language?: string }>).detail;
  post('copy', language ? { kind, language } : { kind });
});
new ResizeObserver(postHeight).observe(document.documentElement);

addEventListener('message', (event) => {
  if (!embedded || event.source !== parent) return;
  const message = readHostMessage(event.data);
  if (!message) return;
  if (peer === null) {
    if (message.type !== 'init' || event.origin === 'null' || (expectedOrigin !== null && event.origin !== expectedOrigin)) return;
    peer = event.origin;
  } else if (event.origin !== peer) {
    return;
  }
  if (message.type === 'getState') {
    const { company, product, version, value, valid, theme, mode, snippet } = element;
    const state = { company, product, version, value, valid, theme, mode, snippet, lang: document.documentElement.lang };
    post('state', { requestId: message.requestId, state });
    return;
  }
  applyConfig(message.config);
  if (message.type === 'init') {
    height = 0;
    postHeight();
  }
});
