/**
 * mt-docs.config.json: what a team writes is validated, and every problem names the file, line and
 * column of the key; the JSON Schema shipped for editors is the one the validator derives from.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { applySiteTitle, CONFIG_FILE, configJsonSchema, readConfig } from '../../../src/site/config.ts';

const ROOT = join(import.meta.dirname, '../../..');

function read(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'config-'));
  writeFileSync(join(dir, CONFIG_FILE), text);
  const file = new VFile({ path: join(dir, CONFIG_FILE) });
  return { config: readConfig(dir, file), messages: file.messages.map((m) => `${m.line}:${m.column} ${m.reason} [${m.ruleId}]`) };
}

describe('mt-docs.config.json', () => {
  it("reads the repo's own config with its defaults filled in", () => {
    const config = readConfig(join(ROOT, 'content'));
    expect(config?.siteUrl).toBe('https://partner-guide.example.org');
    expect(config?.sources).toEqual({ folders: 'source' });
    expect(config?.translatorPages).toBe(true);
    expect(config?.keepGoing).toBe(false);
  });

  it('reports an unknown key at its line and column', () => {
    const { config, messages } = read('{\n  "siteUrl": "https://x.example",\n  "upstream": { "base": "https://l/{locale}/" },\n  "translatorPage": false\n}\n');
    expect(config).toBeNull();
    expect(messages).toEqual([expect.stringMatching(/^4:3 unknown key "translatorPage" .*\[config-key\]$/)]);
  });

  it('reports an unknown key inside a nested object, and a wrong value, each at its key', () => {
    const { messages } = read('{\n  "siteUrl": "not a url",\n  "upstream": { "base": "https://l/", "bas": 1 }\n}\n');
    expect(messages).toContainEqual(expect.stringMatching(/^2:3 siteUrl: .*\[config-value\]$/));
    expect(messages).toContainEqual(expect.stringMatching(/^3:39 unknown key "bas" in upstream .*\[config-key\]$/));
    expect(messages).toContainEqual(expect.stringMatching(/^3:17 upstream\.base: .*\{locale\}.*\[config-value\]$/));
  });

  it('reports JSON that does not parse at the line and column of the mistake', () => {
    const { config, messages } = read('{\n  "siteUrl": "https://x.example",\n  "upstream": {,}\n}\n');
    expect(config).toBeNull();
    expect(messages).toEqual([expect.stringMatching(/^3:16 not valid JSON: .*\[config-json\]$/)]);
  });

  it('says where to get a config when there is none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const file = new VFile({ path: join(dir, CONFIG_FILE) });
    expect(readConfig(dir, file)).toBeNull();
    expect(file.messages[0]?.reason).toMatch(/no mt-docs\.config\.json in .*mt-docs init/);
  });

  it('takes either layout of sources, and not both', () => {
    const base = '"siteUrl": "https://x.example", "upstream": { "base": "https://l/{locale}/" }';
    expect(read(`{ ${base}, "sources": { "docfx": ["../nl-NL"] } }`).config?.sources).toEqual({ docfx: ['../nl-NL'] });
    expect(read(`{ ${base}, "sources": { "docfx": [] } }`).config).toBeNull();
    expect(read(`{ ${base}, "sources": { "folders": "src", "docfx": ["a"] } }`).config).toBeNull();
  });

  it('ships the JSON Schema the validator derives (schema/mt-docs.config.schema.json, `npm run schema`)', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'schema/mt-docs.config.schema.json'), 'utf8'));
    expect(shipped).toEqual(configJsonSchema());
    expect(Object.keys(shipped.properties)).toEqual(expect.arrayContaining(['siteUrl', 'upstream', 'sources', 'locales', 'translatorPages', 'keepGoing']));
    expect(shipped.additionalProperties).toBe(false);
  });

  it('names the site in every language from `title`: one text, or one per language with "en" for the rest', () => {
    const base = '"siteUrl": "https://x.example", "upstream": { "base": "https://l/{locale}/" }';
    const resources = () => ({ en: { ui: { site: { title: 'Partner guide', footer: 'f' } } }, fr: { ui: { site: { title: 'Guide' } } }, ja: { ui: {} } });
    const one = resources();
    applySiteTitle(read(`{ ${base}, "title": "Defender docs" }`).config!, one);
    expect([one.en.ui.site.title, one.fr.ui.site.title, (one.ja.ui as { site: { title: string } }).site.title]).toEqual(['Defender docs', 'Defender docs', 'Defender docs']);
    expect(one.en.ui.site.footer).toBe('f');
    const each = resources();
    applySiteTitle(read(`{ ${base}, "title": { "en": "Defender docs", "fr-FR": "Docs Defender" } }`).config!, each);
    expect([each.en.ui.site.title, each.fr.ui.site.title, (each.ja.ui as { site: { title: string } }).site.title]).toEqual(['Defender docs', 'Docs Defender', 'Defender docs']);
    const none = resources();
    applySiteTitle(read(`{ ${base} }`).config!, none);
    expect(none).toEqual(resources());
    expect(read(`{ ${base}, "title": "" }`).messages).toEqual([expect.stringMatching(/^1:\d+ title: .*\[config-value\]$/)]);
  });
});
