import { describe, expect, it } from 'vitest';
import { SourceText } from '../../../src/qa/source-text.ts';

const text = '---\ntitle: Un titre\n"quoted.key": x\nms.topic: conceptual\n---\n# Titre\n\nLigne deux : ici.\n';

describe('SourceText', () => {
  const src = new SourceText(text);
  it('turns offsets into 1-based lines and columns', () => {
    expect(src.at(0)).toEqual({ line: 1, column: 1 });
    const offset = text.indexOf(' :');
    expect(src.at(offset)).toEqual({ line: 8, column: 11 });
    expect(src.at(text.length + 50)).toEqual({ line: 9, column: 1 });
    expect(src.lineStart(6)).toBe(text.indexOf('# Titre'));
  });
  it('finds the nth match of a string or pattern inside a range only', () => {
    const body = text.indexOf('# Titre');
    expect(src.find('i', body, text.length, 1)).toBe(text.indexOf('i', text.indexOf('i', body) + 1));
    expect(src.find('title', body, text.length)).toBe(-1);
    expect(src.find(/L\w+/, body, text.length)).toBe(text.indexOf('Ligne'));
    expect(src.find('', 0, text.length)).toBe(-1);
  });
  it("knows the front matter's keys, where their values start, and where it ends", () => {
    expect(src.keyPlace('ms.topic')).toEqual({ line: 4, column: 1 });
    expect(src.keyPlace('title', 'value')).toEqual({ line: 2, column: 8 });
    expect(src.frontMatter?.keys.has('quoted.key')).toBe(true);
    expect(src.at(src.frontMatter!.close).line).toBe(5);
    expect(src.keyPlace('absent')).toEqual({ line: 1, column: 1 });
  });
  it('has no front matter where the file does not open with one', () => {
    expect(new SourceText('# Title\nkey: value\n').frontMatter).toBeNull();
    expect(new SourceText('---\nkey: value\n').frontMatter).toBeNull();
  });
});
