/**
 * The one line a command prints when something escapes that is not a content problem (those are
 * reported with file, line and rule): what failed, never a stack trace unless MT_DOCS_DEBUG is set.
 */
export function internalErrorLine(error: unknown, prefix = 'error'): string {
  const message = error instanceof Error ? error.message : String(error);
  const where = process.env.MT_DOCS_DEBUG && error instanceof Error ? `\n${error.stack}` : ' (internal error; MT_DOCS_DEBUG=1 shows where)';
  return `${prefix}: ${message.split('\n')[0]}${where}`;
}
