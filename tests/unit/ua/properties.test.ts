/**
 * Properties of the whole core over generated input (fixed seeds, so a failure reproduces): what the
 * builder accepts is always one product that parses back to the same fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildUserAgent, parseUserAgent, type FieldName } from '../../../src/ua/index.ts';
import { validInput } from './arbitraries.ts';
import { NAME_CHARS, TCHARS } from './vectors.ts';

const escapeClass = (chars: string[]) => chars.map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const NAME = `[${escapeClass(NAME_CHARS)}]{1,64}`;
const ACCEPTED = new RegExp(`^MdePartner-${NAME}-${NAME}/[${escapeClass(TCHARS)}]{1,64}$`);

// Anything a user, a URL or an attribute could hand over: tchar-rich text, any Unicode, edge whitespace.
const anyText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...TCHARS, ' ', '\t', '\r', '\n', '\0', '(', '"', 'é', 'Ａ', '\u3000', '\u200b'), maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'binary-ascii', maxLength: 20 }),
  fc.tuple(fc.constantFrom(' ', '\t', '\n', '\r\n'), fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1 })).map(
    ([space, text]) => space + text + space,
  ),
);
const anyInput = fc.record({ company: anyText, product: anyText, version: anyText });

const FIELDS: FieldName[] = ['company', 'product', 'version'];

describe('properties of the core', () => {
  it('an accepted value is MdePartner-token-token/token and parses back to the same fields', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyInput, validInput), (input) => {
        const { ok, value, fields } = buildUserAgent(input);
        expect(ok).toBe(FIELDS.every((field) => fields[field].errors.length === 0));
        if (!ok) {
          expect(value).toBeNull();
          return;
        }
        accepted++;
        expect(value).toMatch(ACCEPTED);
        expect(value).toBe(`MdePartner-${fields.company.value}-${fields.product.value}/${fields.version.value}`);
        const parsed = parseUserAgent(value);
        expect(parsed.diags.filter(({ level }) => level !== 'warning')).toEqual([]);
        expect(parsed).toMatchObject({
          ok: true,
          company: fields.company.value,
          product: fields.product.value,
          version: fields.version.value,
        });
      }),
      { seed: 42, numRuns: 2000 },
    );
    // Guards the property itself: a generator that never produced a valid value would prove nothing.
    expect(accepted).toBeGreaterThan(500);
  });

  it('every generated valid input is accepted', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(buildUserAgent(input).ok).toBe(true);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('errors are collapsed per code and point at their first character', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const field of FIELDS) {
          const { value, errors } = buildUserAgent(input).fields[field];
          const chars = [...value];
          expect(new Set(errors.map(({ code }) => code)).size).toBe(errors.length);
          for (const { code, at, char, codePoint } of errors) {
            if (code === 'E_EMPTY' || code === 'E_TOO_LONG') continue;
            expect(chars[at!]).toBe(char);
            expect(codePoint).toBe(`U+${char!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
          }
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('a suggestion is itself a valid value for its field', () => {
    let suggestions = 0;
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = buildUserAgent(input);
        for (const field of FIELDS) {
          const { suggestion, errors } = result.fields[field];
          if (suggestion === undefined) continue;
          suggestions++;
          expect(errors.length).toBeGreaterThan(0);
          expect(suggestion).toMatch(/^[\x21-\x7e]+$/);
          expect(buildUserAgent({ ...input, [field]: suggestion }).fields[field].errors).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
    expect(suggestions).toBeGreaterThan(50);
  });

  it('parse never throws, and ok means all three parts were found', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: fc.constantFrom(...TCHARS, ' ', '(', ')', '\\', '/', '\t'), maxLength: 60 })), (text) => {
        const parsed = parseUserAgent(text);
        if (parsed.ok) expect([parsed.company, parsed.product, parsed.version]).not.toContain(null);
        expect(parsed.ok).toBe(!parsed.diags.some(({ level }) => level === 'error'));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
