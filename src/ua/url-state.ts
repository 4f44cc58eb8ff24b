/**
 * Reads and writes the shareable builder state in a query string (spec §6). Pure: takes and returns
 * query strings, so the caller owns `location` and `history.replaceState`.
 *
 * Parameters are prefixed `mdeua-` so they never collide with a host page's own, and the host's
 * parameters are kept as they are. URL input is untrusted: values come back as raw strings that go
 * through the same checks as the attributes of the same name (the builder's validation for the
 * fields, the widget's list of known snippets and modes), never straight into markup. A raw `+`
 * decodes to a space, so `1.0.0+build.5` arrives as `1.0.0 build.5` and fails with `E_SPACE`.
 */

export interface UrlState {
  company?: string;
  product?: string;
  version?: string;
  snippet?: string;
  mode?: string;
}

const KEYS = ['company', 'product', 'version', 'snippet', 'mode'] as const;

/** Longer values are ignored (treated as absent): no field can be valid past 64 code points anyway. */
export const MAX_URL_VALUE_LENGTH = 256;

const usable = (value: string | null | undefined): value is string =>
  !!value && [...value].length <= MAX_URL_VALUE_LENGTH;

export function readUrlState(query: string | URLSearchParams): UrlState {
  const params = new URLSearchParams(query);
  const state: UrlState = {};
  for (const key of KEYS) {
    const value = params.get(`mdeua-${key}`);
    if (usable(value)) state[key] = value;
  }
  return state;
}

/**
 * The query string (without `?`) with the `mdeua-*` parameters set from `state`. Empty or overlong
 * values remove their parameter, so what is written always reads back as the same state.
 */
export function writeUrlState(query: string | URLSearchParams, state: UrlState): string {
  const params = new URLSearchParams(query);
  for (const key of KEYS) {
    const value = state[key];
    if (usable(value)) params.set(`mdeua-${key}`, value);
    else params.delete(`mdeua-${key}`);
  }
  return params.toString();
}
