import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUserAgent, renderSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from '../../../src/ua/index.ts';
import { validInput } from './arbitraries.ts';
import { SNIPPET_VECTORS } from './vectors.ts';

const API_URL = 'https://api.security.microsoft.com/api/machines';

const codeFor = (language: SnippetLanguage, input: Parameters<typeof renderSnippet>[1]): string => {
  const result = renderSnippet(language, input);
  if (!result.ok) throw new Error(`no ${language} snippet for ${JSON.stringify(input)}`);
  return result.code;
};

describe('renderSnippet: public vectors (spec §8)', () => {
  it.each(SNIPPET_VECTORS)('$id', ({ language, input: [company, product, version], line }) => {
    expect(codeFor(language, { company, product, version }).split('\n')).toContain(line);
  });
});

describe('renderSnippet', () => {
  const input = { company: 'Contoso', product: 'ContosoCognito', version: '1.0.0' };

  it.each(SNIPPET_LANGUAGES)('%s carries the value, the URL and a token placeholder', (language) => {
    const code = codeFor(language, input);
    if (language === 'csharp') expect(code).toContain('"MdePartner-Contoso-ContosoCognito", "1.0.0"');
    else expect(code).toContain('MdePartner-Contoso-ContosoCognito/1.0.0');
    expect(code).toContain(API_URL);
    expect(code).toMatch(/\$TOKEN|\$token|\btoken\b/);
  });

  it('uses the normalised value, and refuses an invalid one', () => {
    expect(codeFor('go', { ...input, company: ' Ｃｏｎｔｏｓｏ ' })).toContain('"MdePartner-Contoso-ContosoCognito/1.0.0"');
    expect(renderSnippet('curl', { ...input, company: 'Contoso\r\nX-Injected: 1' })).toEqual({ ok: false });
    expect(renderSnippet('java', { ...input, version: '' })).toEqual({ ok: false });
    expect(renderSnippet('cobol' as SnippetLanguage, input)).toEqual({ ok: false });
  });
});

/** The single-quoted argument after `flag`, as written in the snippet. */
function quotedArgument(code: string, pattern: RegExp): string {
  const match = pattern.exec(code);
  if (!match?.[1]) throw new Error(`no quoted argument in ${code}`);
  return match[1];
}

describe('snippet quoting, evaluated (properties, fixed seed)', () => {
  it('curl: a real bash reads the -A argument back as the value, byte for byte', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const value = buildUserAgent(input).value!;
        // The argument is the whole shell word after -A (a valid value never contains a space).
        const word = quotedArgument(codeFor('curl', input), /^curl -A (\S+) -H /);
        const printed = execFileSync('bash', ['-c', `printf %s ${word}`]);
        expect(printed.equals(Buffer.from(value))).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("PowerShell: un-doubling '' inside the single quotes gives the value back", () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const value = buildUserAgent(input).value!;
        const literal = quotedArgument(codeFor('powershell', input), / -UserAgent '((?:[^']|'')*)' /);
        expect(literal.replaceAll("''", "'")).toBe(value);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('double-quoted languages: the literal holds the value verbatim and needs no escape', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const { value, fields } = buildUserAgent(input);
        expect(value).not.toMatch(/["\\]/);
        for (const language of ['python', 'javascript', 'go', 'java'] as const)
          expect(codeFor(language, input)).toContain(`"${value}"`);
        expect(codeFor('csharp', input)).toContain(
          `new ProductInfoHeaderValue("MdePartner-${fields.company.value}-${fields.product.value}", "${fields.version.value}")`,
        );
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('python: the interpreter reads every User-Agent literal back as the value', () => {
    const inputs = fc.sample(validInput, { seed: 42, numRuns: 100 });
    const literals = inputs.map((input) => quotedArgument(codeFor('python', input), /"User-Agent": ("[^"]*")/));
    const script = 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(x) for x in json.load(sys.stdin)]))';
    const evaluated = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(literals) }).toString());
    expect(evaluated).toEqual(inputs.map((input) => buildUserAgent(input).value));
  });
});
