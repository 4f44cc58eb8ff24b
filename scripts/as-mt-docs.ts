/**
 * A command started as `mt-docs <command>` speaks of itself that way: its usage text is written for this
 * checkout (`npm run --silent qa -- …`), which a team running `npx mt-docs qa` in its own folder cannot
 * type. `bin/mt-docs.js` sets MT_DOCS_COMMAND; then every `npm run [--silent] <command> --` in what the
 * command prints reads `mt-docs <command>`. Imported for its effect (by terminal-colour.ts, which every
 * command imports).
 */
const command = process.env.MT_DOCS_COMMAND;

/** `text` with this checkout's way of running `name` replaced by `mt-docs name`. */
export function asMtDocs(text: string, name: string): string {
  return text.replace(new RegExp(`npm run (?:--silent )?${name} --(?: |$)`, 'gm'), `mt-docs ${name} `).replace(new RegExp(`npm run (?:--silent )?${name}\\b`, 'g'), `mt-docs ${name}`);
}

if (command && /^[a-z]+$/.test(command)) {
  for (const method of ['log', 'error'] as const) {
    const write = console[method].bind(console);
    console[method] = (...args: unknown[]) => write(...args.map((a) => (typeof a === 'string' ? asMtDocs(a, command) : a)));
  }
}
