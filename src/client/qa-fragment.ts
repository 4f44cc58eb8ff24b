/**
 * The translator pages keep their view state in the URL fragment (`#check=link.empty-text&severity=error`),
 * so a filtered view can be bookmarked, shared, opened from disk, and carried to another UI language.
 * A fragment that is an element id (`#cell-fr-FR-…`) is not state and is left alone. Browser only.
 */

/** The state in the fragment, or null when the fragment is empty or an element id. */
export function readState(hash = location.hash): Map<string, string> | null {
  const raw = hash.replace(/^#/, '');
  if (raw === '' || !raw.includes('=')) return raw === '' ? new Map() : null;
  return new Map(new URLSearchParams(raw));
}

/** Writes the state (empty values dropped) without adding a history entry per change. */
export function writeState(state: Record<string, string | null | undefined>): void {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v) params.set(k, v);
  const hash = params.toString();
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = hash;
  const newURL = hash ? url.href : url.href.replace(/#.*$/, '');
  if (newURL === oldURL) return;
  history.replaceState(history.state, '', newURL);
  // replaceState is silent; listeners such as the language links (which carry the fragment over) need to know.
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL }));
}

/** Calls `apply` now and whenever the fragment changes by navigation (back, edited URL, a link). */
export function onState(apply: (state: Map<string, string>) => void): void {
  const run = () => {
    const state = readState();
    if (state) apply(state);
  };
  run();
  addEventListener('hashchange', run);
}
