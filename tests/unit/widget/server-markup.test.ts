/** The doc pages' tag: fallback readable without JS, everything escaped, language on the element. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../../src/i18n/resources.ts';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { uaBuilderMarkup } from '../../../src/widget/server-markup.ts';

const resources = loadResources(join(import.meta.dirname, '../../../locales'));
const uaT = (lang: string) => {
  const { t } = createTranslator(lang, resources);
  return (key: string) => t(key, { ns: 'ua' });
};

describe('uaBuilderMarkup', () => {
  it('wraps the fallback in the element, with the format and the example as code', () => {
    const html = uaBuilderMarkup({ lang: 'ja', t: uaT('ja') });
    expect(html).toMatch(/^<mde-ua-builder lang="ja"><div class="mde-ua-fallback">/);
    expect(html).toMatch(/<\/div><\/mde-ua-builder>$/);
    expect(html).toContain('<code>User-Agent: MdePartner-{CompanyName}-{ProductName}/{Version}</code>');
    expect(html).toContain('<code>MdePartner-Contoso-ContosoCognito/1.0.0</code>');
    expect(html).toContain('Microsoft Defender for Endpoint API と Microsoft Graph セキュリティ API');
  });

  it('escapes what it is given, translations included', () => {
    const html = uaBuilderMarkup({ lang: '"><script>', t: () => '<img src=x onerror=alert(1)>' });
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('lang="&#34;&#62;&#60;script&#62;"');
  });
});
