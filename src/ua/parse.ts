/**
 * Checks a User-Agent value someone already has (spec §4): tokenises it with the RFC 9110 grammar,
 * finds the `MdePartner-` product and splits it back into company, product and version. Pure: codes
 * and data only. Positions `at` are code-point indices into the input exactly as pasted, so a UI can
 * point at the character even after `User-Agent:` or edge whitespace was stripped.
 */
import { addOccurrence, CODE_LEVELS, type Code, type Issue, type Level } from './codes.ts';
import { USER_AGENT_PREFIX } from './build.ts';
import { classifyChar } from './normalize-field.ts';
import { TCHAR } from './tchar.ts';
import { trimEdges } from './trim-edges.ts';
import { versionWarnings } from './version-checks.ts';

export interface ParseDiag extends Issue {
  level: Level;
  /** For `P_AMBIGUOUS`: every way the name splits into company and product. */
  readings?: { company: string; product: string }[];
}

export interface ParseResult {
  ok: boolean;
  company: string | null;
  product: string | null;
  version: string | null;
  diags: ParseDiag[];
}

/** A `product` has a `name` and maybe a `version`; a `comment` has neither. */
export interface UserAgentItem {
  name?: string;
  version?: string;
}

const isRws = (char?: string): boolean => /[ \t]/.test(char ?? '');

/**
 * `User-Agent = product *( RWS ( product / comment ) )` with nestable comments and quoted pairs.
 * Returns the items, or the index where the grammar fails (`a/1(x)` fails at `(`: an item needs RWS
 * before it, as .NET also insists). Expects text already free of controls other than HTAB and of
 * non-ASCII, as `parseUserAgent` ensures first: then every other character is valid ctext or a
 * quoted-pair's second half, and indices are code-point indices.
 */
export function tokenizeUserAgent(text: string): UserAgentItem[] | number {
  const items: UserAgentItem[] = [];
  let i = 0;
  const token = (): string => {
    const from = i;
    while (TCHAR.test(text[i] ?? '')) i++;
    return text.slice(from, i);
  };
  for (;;) {
    if (items.length && text[i] === '(') {
      let depth = 0;
      do {
        let char = text[i++];
        if (char === '\\') char = text[i++];
        else if (char === '(') depth++;
        else if (char === ')') depth--;
        if (char === undefined) return text.length;
      } while (depth);
      items.push({});
    } else {
      const item: UserAgentItem = { name: token() };
      if (!item.name) return i;
      if (text[i] === '/') {
        i++;
        if (!(item.version = token())) return i;
      }
      items.push(item);
    }
    if (i === text.length) return items;
    if (!isRws(text[i])) return i;
    while (isRws(text[i])) i++;
  }
}

export function parseUserAgent(input: unknown): ParseResult {
  const result: ParseResult = { ok: false, company: null, product: null, version: null, diags: [] };
  checkUserAgent(String(input ?? ''), result);
  result.ok = !result.diags.some((diag) => diag.level === 'error');
  return result;
}

/** Spec §4 steps 1–7, filling `result` and returning as soon as nothing further can be read. */
function checkUserAgent(text: string, result: ParseResult): void {
  const { diags } = result;
  const add = (code: Code, extra?: Omit<ParseDiag, 'code' | 'level'>): void => {
    diags.push({ code, level: CODE_LEVELS[code], ...extra });
  };

  const trimmed = trimEdges(text);
  if (trimmed !== text) add('I_TRIMMED');
  const header = /^user-agent:[ \t]*/i.exec(trimmed)?.[0] ?? '';
  if (header) add('P_HEADER_NAME_STRIPPED');
  const body = trimmed.slice(header.length);
  // The edges and the header name are ASCII, so their UTF-16 length is their code-point length.
  const start = text.indexOf(trimmed) + header.length;

  const problems: Issue[] = [];
  [...body].forEach((char, index) => {
    // The field rules minus what the grammar allows (SP, HTAB, delimiters). NUL counts as a line
    // break: some clients cut the header there, others pass it on.
    const code = char === '\0' ? 'E_CRLF' : char === '\t' ? undefined : classifyChar('version', char);
    if (code && code !== 'E_SPACE' && code !== 'E_DELIMITER') addOccurrence(problems, code, start + index, char);
  });
  const crlf = problems.find((problem) => problem.code === 'E_CRLF');
  // A line break inside is header injection: nothing after it is worth reading.
  for (const { code, ...data } of crlf ? [crlf] : problems) add(code, data);
  if (!body) add('E_EMPTY');
  if (!body || problems.length) return;

  // Only ASCII is left, so string indices are code-point indices from here on.
  const items = tokenizeUserAgent(body);
  if (typeof items === 'number') return add('P_SYNTAX', { at: start + items });
  const index = items.findIndex((item) => /^mdepartner-/i.test(item.name ?? ''));
  const { name, version } = items[index] ?? {};
  if (name === undefined) return add('P_NOT_MDE');
  if (index) add('P_NOT_FIRST');
  if (!name.startsWith(USER_AGENT_PREFIX)) add('P_PREFIX_CASE');
  let itemsUsed = 1;
  if (version === undefined) {
    add('P_NO_VERSION');
    // `MdePartner-Contoso Ltd-Cognito/1.0.0`: a space split one name in two, so the next item is ours.
    if (items[index + 1]?.version !== undefined) {
      add('P_SPACE_IN_NAME');
      itemsUsed++;
    }
  }
  if (items.length > itemsUsed) add('P_EXTRA_ITEMS');

  const parts = name.slice(USER_AGENT_PREFIX.length).split('-');
  if (parts.includes('') || parts.length < 2) add('P_BAD_SEGMENTS');
  else if (parts.length > 2)
    add('P_AMBIGUOUS', {
      readings: parts.slice(1).map((_, cut) => ({
        company: parts.slice(0, cut + 1).join('-'),
        product: parts.slice(cut + 1).join('-'),
      })),
    });
  else [result.company, result.product] = parts as [string, string];

  if (version !== undefined) {
    result.version = version;
    for (const code of versionWarnings(version)) add(code);
  }
}
