/**
 * One i18next instance per UI language, over the resources of `locales/`. English is the fallback, so
 * a locale added by dropping in a source file works at once, with English UI strings (and a build
 * warning from `hasUiStrings`). Pure given the resources.
 */
import i18next, { type TFunction } from 'i18next';
import type { PipelineStrings } from '../pipeline/strings.ts';
import type { AlertKind } from '../pipeline/docfx-alerts.ts';
import type { Resources } from './resources.ts';

export const FALLBACK_LANG = 'en';

export interface Translator {
  lang: string;
  t: TFunction;
}

/** One translator per language and set of strings: making an i18next instance costs far more than a lookup. */
const made = new WeakMap<Resources, Map<string, Translator>>();

export function createTranslator(lang: string, resources: Resources): Translator {
  let forResources = made.get(resources);
  if (!forResources) made.set(resources, (forResources = new Map()));
  let translator = forResources.get(lang);
  if (!translator) forResources.set(lang, (translator = makeTranslator(lang, resources)));
  return translator;
}

function makeTranslator(lang: string, resources: Resources): Translator {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: FALLBACK_LANG,
    resources,
    defaultNS: 'ui',
    ns: Object.keys(resources[FALLBACK_LANG] ?? { ui: {} }),
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { lang, t: remembered(instance.t.bind(instance) as TFunction) };
}

/** Words kept per translator at most; past it the memory starts again (values in params can be endless). */
const MAX_REMEMBERED = 50_000;

/**
 * `t` with its answers kept: a page asks for the same few hundred strings thousands of times (a
 * dashboard of 500 documents: 1.5 s of a build in i18next), and with fixed resources the answer to a
 * key and its parameters never changes. Only a string key with no options, or options of plain
 * values, is kept; anything else goes to i18next every time.
 */
function remembered(tFunction: TFunction): TFunction {
  const t = tFunction as unknown as (...args: unknown[]) => unknown;
  const said = new Map<string, string>();
  const plain = (options: unknown): options is Record<string, string | number | boolean> =>
    typeof options === 'object' && options !== null && Object.values(options).every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
  const ask = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (typeof key !== 'string' || args.length > 2 || (args.length === 2 && !plain(options))) return t(...args);
    const id = args.length === 1 ? key : `${key}\u0000${JSON.stringify(options)}`;
    let word = said.get(id);
    if (word === undefined) {
      const answer = t(...args);
      if (typeof answer !== 'string') return answer;
      if (said.size >= MAX_REMEMBERED) said.clear();
      said.set(id, (word = answer));
    }
    return word;
  };
  return ask as unknown as TFunction;
}

export const hasUiStrings = (lang: string, resources: Resources) => Object.keys(resources[lang] ?? {}).length > 0;

/** The localised words the Markdown pipeline writes into pages. */
export function pipelineStrings(translator: Translator): PipelineStrings {
  const { t } = translator;
  return {
    includeMissing: (label, path) => t('pipeline.includeMissing', { label, path }),
    untitledLink: t('pipeline.untitledLink'),
    video: t('pipeline.video'),
    moniker: (range) => t('pipeline.moniker', { range }),
    alerts: alertTitles(translator),
  };
}

export function alertTitles({ t }: Translator): Record<AlertKind, string> {
  return {
    note: t('alert.note'),
    tip: t('alert.tip'),
    important: t('alert.important'),
    caution: t('alert.caution'),
    warning: t('alert.warning'),
  };
}
