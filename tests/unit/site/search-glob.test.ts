import { describe, expect, it } from 'vitest';
import { readerPageGlob } from '../../../src/site/search-glob.ts';

describe('readerPageGlob', () => {
  it('names the first folder of the document ids, by depth', () => {
    expect(readerPageGlob(['become-partner'])).toBe('{*.html,*/index.html,*/become-partner/index.html}');
    expect(readerPageGlob(['b', 'a', 'a'])).toBe('{*.html,*/index.html,*/{a,b}/index.html}');
    expect(readerPageGlob(['security/defender/x', 'security/defender/y', 'compliance/z', 'top'])).toBe(
      '{*.html,*/index.html,*/top/index.html,*/compliance/*/index.html,*/security/*/*/index.html}',
    );
  });

  it('leaves out the translators dashboard, unless a document is named so', () => {
    expect(readerPageGlob(['a', 'b'])).not.toMatch(/\*\/\*\/index\.html/);
    expect(readerPageGlob(['translators'])).toContain('*/translators/index.html');
  });

  it('matches a name with glob characters by *', () => {
    expect(readerPageGlob(['a{b}', 'c'])).toBe('{*.html,*/index.html,*/*/index.html}');
    expect(readerPageGlob(['x/a,b', 'c'])).toBe('{*.html,*/index.html,*/c/index.html,*/x/*/index.html}');
  });
});
