/**
 * The two version warnings (spec §3), shared by the builder and the parser so a pasted value and a
 * built one are judged alike. Pure. Warnings never block a value: `2.1.0.4500` is a legal token.
 */
import type { Code } from './codes.ts';

// semver.org's regular expression, with its capture groups made non-capturing.
const SEMVER =
  /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/**
 * `v1.2.3` earns only `W_V_PREFIX`: the one thing wrong with it is the `v`, so `W_NOT_SEMVER` is kept
 * for versions that stay non-semantic once the `v` is gone.
 */
export function versionWarnings(version: string): Code[] {
  const hasPrefix = /^[vV]\d/.test(version);
  const warnings: Code[] = hasPrefix ? ['W_V_PREFIX'] : [];
  // The `v` (one character, when there is one) is not part of the version to judge.
  return SEMVER.test(version.slice(+hasPrefix)) ? warnings : [...warnings, 'W_NOT_SEMVER'];
}
