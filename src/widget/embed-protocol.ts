/**
 * postMessage protocol v1 between the iframe page and the page that embeds it (spec §7), as data:
 * the envelope and the checks on what the host sends. Pure: no DOM, no I/O.
 *
 * Every message is `{ mdeUa: { v: 1, type, ... } }`. Anything else (another shape, another version,
 * an unknown type, a config value that is not a short string) is not ours and must be ignored, never
 * half-applied: the host is another origin and its messages are untrusted input.
 */

/** The attributes a host may set, by query string or by `init` / `setConfig`. */
export const CONFIG_KEYS = ['company', 'product', 'version', 'lang', 'theme', 'mode', 'snippet', 'snippets'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export type Config = Partial<Record<ConfigKey, string>>;

export type HostMessage =
  | { type: 'init' | 'setConfig'; config: Config }
  | { type: 'getState'; requestId: string | number };

/** Like URL state (spec §6): longer values are ignored, none of them could be valid anyway. */
const MAX_VALUE_LENGTH = 256;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const envelope = (type: string, data: Record<string, unknown> = {}) => ({ mdeUa: { ...data, v: 1, type } });

/** The known keys of `value` whose values are short strings; null when `value` is not a config at all. */
export function readConfig(value: unknown): Config | null {
  if (value === undefined) return {};
  if (!isRecord(value)) return null;
  const config: Config = {};
  for (const key of CONFIG_KEYS) {
    const entry = value[key];
    if (typeof entry === 'string' && entry.length <= MAX_VALUE_LENGTH) config[key] = entry;
  }
  return config;
}

/** A message from the host as protocol v1 defines it, or null. */
export function readHostMessage(data: unknown): HostMessage | null {
  const body = isRecord(data) ? data.mdeUa : undefined;
  if (!isRecord(body) || body.v !== 1) return null;
  const { type, requestId } = body;
  if (type === 'init' || type === 'setConfig') {
    const config = readConfig(body.config);
    return config && { type, config };
  }
  if (type === 'getState' && ((typeof requestId === 'string' && requestId.length <= 100) || Number.isFinite(requestId)))
    return { type, requestId: requestId as string | number };
  return null;
}
