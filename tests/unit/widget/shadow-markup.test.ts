/**
 * The element's shadow structure, per mode and set of tabs: labels bound to inputs, hints and
 * messages in aria-describedby, the tabs pattern, one polite status region and nothing assertive.
 */
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../../src/widget/messages.ts';
import { shadowMarkup, type ShadowOptions } from '../../../src/widget/shadow-markup.ts';

const options = (over: Partial<ShadowOptions> = {}): ShadowOptions => ({
  m: ENGLISH,
  lang: 'en',
  mode: 'both',
  languages: ['curl', 'python'],
  selected: 'python',
  ...over,
});

describe('shadowMarkup', () => {
  it('binds labels, hints and message lists to the inputs', () => {
    const html = shadowMarkup(options());
    for (const id of ['company', 'product', 'version']) {
      expect(html).toContain(`<label for="${id}" part="label">`);
      expect(html).toContain(`aria-describedby="${id}-h ${id}-m"`);
      expect(html).toContain(`<p class="h" id="${id}-h">`);
      expect(html).toContain(`<ul id="${id}-m" part="messages">`);
    }
    expect(html).toContain('<label for="check" part="label">Check an existing value</label>');
    expect(html).toContain('aria-describedby="check-m"');
  });

  it('marks up the code tabs as the ARIA tabs pattern, one tab stop', () => {
    const html = shadowMarkup(options());
    expect(html).toContain('role="tablist" aria-label="Code samples"');
    expect(html).toContain('id="t-curl" data-tab="curl" aria-controls="panel" aria-selected="false" tabindex="-1"');
    expect(html).toContain('id="t-python" data-tab="python" aria-controls="panel" aria-selected="true" tabindex="0"');
    expect(html).toContain('role="tabpanel" id="panel" aria-labelledby="t-python" part="panel"');
    // The code block is the panel's tab stop (it scrolls sideways), named by its tab.
    expect(html).toContain('<pre part="snippet" id="listing" tabindex="0" aria-labelledby="t-python">');
    expect(html).not.toContain('t-java');
  });

  it('has exactly one live region, polite, and nothing assertive', () => {
    const html = shadowMarkup(options());
    expect(html.match(/role="status"/g)).toHaveLength(1);
    expect(html).not.toMatch(/aria-live|role="alert"|<output/);
  });

  it('shows the builder, the checker or both; no tabs means no code section', () => {
    expect(shadowMarkup(options({ mode: 'build' }))).not.toContain('id="check"');
    expect(shadowMarkup(options({ mode: 'validate' }))).not.toContain('id="company"');
    expect(shadowMarkup(options({ mode: 'validate' }))).not.toContain('role="tablist"');
    expect(shadowMarkup(options({ languages: [] }))).not.toContain('role="tablist"');
  });

  it('states the language it really speaks and escapes the words', () => {
    const html = shadowMarkup(options({ lang: 'ja', m: { ...ENGLISH, company: '<b>"Co"</b>' } }));
    expect(html).toContain('<div class="w" lang="ja" part="base">');
    expect(html).toContain('&#60;b&#62;&#34;Co&#34;&#60;/b&#62;');
  });
});
