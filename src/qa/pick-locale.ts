/**
 * Turns what a person types for a locale (`fr`, `fr-FR`, `FR-fr`, `en`) into one of a report's columns,
 * so the CLIs and the pair pages name locales the same way. Pure; never guesses between two matches.
 */

export type PickedLocale = { code: string } | { problem: string };

/**
 * `name` against `columns` (locale codes, `en` for the rebuilt English): an exact tag first (any case),
 * then the language subtag when exactly one column has it.
 */
export function pickLocale(columns: readonly string[], name: string): PickedLocale {
  const wanted = name.trim().toLowerCase().replaceAll('_', '-');
  const exact = columns.find((c) => c.toLowerCase() === wanted);
  if (exact) return { code: exact };
  if (!wanted.includes('-')) {
    const byLanguage = columns.filter((c) => c.toLowerCase().split('-')[0] === wanted);
    if (byLanguage.length === 1) return { code: byLanguage[0]! };
    if (byLanguage.length > 1) return { problem: `"${name}" matches ${byLanguage.join(', ')}: name one of them` };
  }
  return { problem: `no locale "${name}" (the pages have: ${columns.join(', ')})` };
}
