/**
 * The pure User-Agent core: build, validate, parse, snippets and URL state for
 * `MdePartner-{Company}-{Product}/{Version}`. No DOM, no I/O, no runtime dependencies, no message
 * text (callers map codes to words per language). Kept to what callers need: its gzip budget is 3 KB.
 */
export { CODE_LEVELS, type Code, type Issue, type Level } from './codes.ts';
export type { FieldName, FieldResult } from './normalize-field.ts';
export { buildUserAgent, type BuildResult, type UserAgentInput } from './build.ts';
export { parseUserAgent, type ParseDiag, type ParseResult } from './parse.ts';
export { renderSnippet, SNIPPET_LANGUAGES, type SnippetLanguage, type SnippetResult } from './snippets.ts';
export { readUrlState, writeUrlState, type UrlState } from './url-state.ts';
