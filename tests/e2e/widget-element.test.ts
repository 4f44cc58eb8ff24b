/**
 * `<mde-ua-builder>` in Chromium, on the built site's Embed page and iframe page: the public vectors
 * typed (or set, where an input cannot hold the character) show the value or the localised words of
 * the right code; the status region is polite and speaks once per pause; Apply, copy, tabs, the
 * checker and URL state work as a reader uses them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, parseUserAgent, renderSnippet, type FieldName, type ParseResult } from '../../src/ua/index.ts';
import { describeIssue, format, type Messages } from '../../src/widget/messages.ts';
import { BUILD_VECTORS, PARSE_VECTORS, URL_VECTORS } from '../unit/ua/vectors.ts';
import { hasChromium, launchBrowser } from './support/browser.ts';
import { E2E_DIST, ROOT } from './support/built-site.ts';
import { serveStatic, type StaticServer } from './support/serve.ts';

const FIELDS: FieldName[] = ['company', 'product', 'version'];
const FRAME = '/embed/ua-builder/v1/';

/** The words the element must show, read from the same hand-written files. */
function messagesFor(lang: string): Messages {
  const ua = JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'ua.json'), 'utf8')) as { widget: Messages; checker: Messages };
  return { ...ua.widget, ...ua.checker };
}

/** Characters an <input> cannot hold (it strips line breaks) or a keyboard cannot type. */
const untypeable = (text: string) => /[\0-\x1f\x7f]/.test(text);

describe.skipIf(!hasChromium)('<mde-ua-builder> in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  const open = async (path: string, options: BrowserContextOptions = {}): Promise<Page> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    (page as Page & { problems?: string[] }).problems = problems;
    await page.goto(server.url + path);
    await ready(page);
    return page;
  };
  /** Rendered in its language: the shadow tree exists only once the words are there. */
  const ready = (page: Page) => page.waitForFunction(() => document.querySelector('mde-ua-builder')?.shadowRoot?.getElementById('company'));
  const inWidget = (page: Page, selector: string): Locator => page.locator('mde-ua-builder').first().locator(selector);
  const entries = (page: Page, id: string) => inWidget(page, `#${id} li`).allTextContents();

  beforeAll(async () => {
    server = await serveStatic(E2E_DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ['en', 'ja']) {
    it(`shows the value or the ${lang} words of every public build vector`, { timeout: 120_000 }, async () => {
      const m = messagesFor(lang);
      const page = await open(`/${lang}/embed/`);
      expect(await inWidget(page, '.w').getAttribute('lang')).toBe(lang);
      for (const { id, input, value } of BUILD_VECTORS) {
        const [company, product, version] = input;
        if (input.some(untypeable)) {
          await page.locator('mde-ua-builder').first().evaluate((el, fields) => (el as HTMLElement & { setFields(f: object): void }).setFields(fields), { company, product, version });
        } else {
          for (const [name, text] of [['company', company], ['product', product], ['version', version]] as const) await inWidget(page, `#${name}`).fill(text);
        }
        const result = buildUserAgent({ company, product, version });
        if (value) {
          expect(await inWidget(page, '#value').textContent(), id).toBe(value);
          expect(await inWidget(page, '[data-copy="value"]').isEnabled(), id).toBe(true);
        } else {
          expect(await inWidget(page, '[data-copy="value"]').isDisabled(), id).toBe(true);
          expect(await inWidget(page, '#value').textContent(), id).toMatch(/^MdePartner-.*\{(CompanyName|ProductName|Version)\}/);
        }
        for (const name of FIELDS) {
          const { errors, warnings, infos, suggestion } = result.fields[name];
          const expected = [
            ...errors.map((issue) => m.error + describeIssue(m, issue)),
            ...warnings.map((issue) => m.warning + describeIssue(m, issue)),
            ...infos.filter((issue) => issue.code !== 'I_SUGGESTION').map((issue) => m.info + describeIssue(m, issue)),
            ...(suggestion ? [m.info + format(m.apply, { value: suggestion })] : []),
          ];
          expect(await entries(page, `${name}-m`), `${id} ${name}`).toEqual(expected);
          expect(await inWidget(page, `#${name}`).getAttribute('aria-invalid'), `${id} ${name}`).toBe(String(errors.length > 0));
        }
      }
      expect((page as Page & { problems?: string[] }).problems).toEqual([]);
      await page.context().close();
    });
  }

  it('explains a Japanese company name in Japanese, with the registered Latin-script name', async () => {
    const page = await open('/ja/embed/');
    await inWidget(page, '#company').fill('株式会社コントソ');
    const [entry] = await entries(page, 'company-m');
    expect(entry).toContain('1 文字目「株」(U+682A ×8)');
    expect(entry).toContain('株式会社コントソ → Contoso');
    expect(entry).toContain('全角英数字は自動で半角に変換されます');
    await page.context().close();
  });

  it('announces through one polite status region, once per pause, never per keystroke', async () => {
    const page = await open('/en/embed/');
    expect(await page.locator('[aria-live="assertive"], [role="alert"]').count()).toBe(0);
    expect(await inWidget(page, '[role="status"]').count()).toBe(1);
    expect(await inWidget(page, '[aria-live="assertive"], [role="alert"]').count()).toBe(0);
    await inWidget(page, '#status').evaluate((status) => {
      const changes: string[] = [];
      (window as unknown as { changes: string[] }).changes = changes;
      new MutationObserver(() => changes.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const changes = () => page.evaluate(() => (window as unknown as { changes: string[] }).changes.filter(Boolean));
    await inWidget(page, '#product').fill('ContosoCognito');
    await inWidget(page, '#version').fill('1.0.0');
    await page.waitForTimeout(900);
    await page.evaluate(() => ((window as unknown as { changes: string[] }).changes.length = 0));
    await inWidget(page, '#company').pressSequentially('Contoso Ltd', { delay: 80 });
    expect(await changes(), 'nothing while typing').toEqual([]);
    await page.waitForTimeout(1000);
    expect(await changes()).toEqual(['Errors to fix: 1']);
    await inWidget(page, '[data-apply="company"]').click();
    await page.waitForTimeout(1000);
    expect(await changes()).toEqual(['Errors to fix: 1', 'Valid: MdePartner-ContosoLtd-ContosoCognito/1.0.0']);
    await page.context().close();
  });

  it('applies a suggestion and keeps the reader in the field', async () => {
    const page = await open('/en/embed/');
    await inWidget(page, '#company').fill('Contoso-Ltd');
    await inWidget(page, '#product').fill('ContosoCognito');
    await inWidget(page, '#version').fill('1.0.0 beta');
    await inWidget(page, '[data-apply="company"]').click();
    expect(await inWidget(page, '#company').inputValue()).toBe('ContosoLtd');
    expect(await page.evaluate(() => document.querySelector('mde-ua-builder')!.shadowRoot!.activeElement?.id)).toBe('company');
    await inWidget(page, '[data-apply="version"]').click();
    expect(await inWidget(page, '#value').textContent()).toBe('MdePartner-ContosoLtd-ContosoCognito/1.0.0');
    expect(await page.locator('mde-ua-builder').evaluate((el) => [(el as HTMLElement & { value: string }).value, (el as HTMLElement & { valid: boolean }).valid])).toEqual([
      'MdePartner-ContosoLtd-ContosoCognito/1.0.0',
      true,
    ]);
    await page.context().close();
  });

  it('copies the exact value, the header line and the code, says so and tells the page', async () => {
    const page = await open('/en/embed/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.evaluate(() => {
      const copies: unknown[] = [];
      (window as unknown as { copies: unknown[] }).copies = copies;
      document.addEventListener('mde-ua-copy', (event) => copies.push((event as CustomEvent).detail));
    });
    const input = { company: "O'Brien&Co", product: 'Cognito', version: '1.0.0' };
    for (const name of FIELDS) await inWidget(page, `#${name}`).fill(input[name]);
    const value = buildUserAgent(input).value!;
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await inWidget(page, '[data-copy="value"]').click();
    expect(await clipboard()).toBe(value);
    await page.waitForFunction(() => document.querySelector('mde-ua-builder')!.shadowRoot!.getElementById('status')!.textContent === 'Copied.');
    await inWidget(page, '[data-copy="header"]').click();
    expect(await clipboard()).toBe(`User-Agent: ${value}`);
    await inWidget(page, '#t-powershell').click();
    await inWidget(page, '[data-copy="snippet"]').click();
    const code = renderSnippet('powershell', input);
    expect(code.ok && (await clipboard())).toBe(code.ok && code.code);
    expect(await page.evaluate(() => (window as unknown as { copies: { kind: string }[] }).copies.map((c) => c.kind))).toEqual(['value', 'header', 'snippet']);
    await page.context().close();
  });

  it('follows the ARIA tabs pattern by keyboard and labels Node.js as server side', async () => {
    const page = await open('/en/embed/');
    for (const name of FIELDS) await inWidget(page, `#${name}`).fill({ company: 'Contoso', product: 'Cognito', version: '1.0.0' }[name]);
    await inWidget(page, '#t-curl').focus();
    const selected = () => inWidget(page, '[role="tab"][aria-selected="true"]').getAttribute('id');
    const focused = () => page.evaluate(() => document.querySelector('mde-ua-builder')!.shadowRoot!.activeElement?.id);
    await page.keyboard.press('ArrowRight');
    expect([await selected(), await focused()]).toEqual(['t-powershell', 't-powershell']);
    expect(await inWidget(page, '#code').textContent()).toContain('Invoke-RestMethod');
    await page.keyboard.press('End');
    expect(await selected()).toBe('t-java');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toBe('t-curl');
    await page.keyboard.press('ArrowLeft');
    expect(await selected()).toBe('t-java');
    await page.keyboard.press('Home');
    expect(await selected()).toBe('t-curl');
    expect(await inWidget(page, '#t-powershell').getAttribute('tabindex')).toBe('-1');
    expect(await inWidget(page, '#panel').getAttribute('aria-labelledby')).toBe('t-curl');
    expect(await inWidget(page, '#note').isHidden()).toBe(true);
    await inWidget(page, '#t-javascript').click();
    expect(await inWidget(page, '#note').isVisible()).toBe(true);
    await page.context().close();
  });

  it('checks a pasted value in the reader’s language and loads it into the builder', async () => {
    const m = messagesFor('ja');
    const page = await open('/ja/embed/');
    const check = inWidget(page, '#check');
    // An empty checker is not an error to show (P22 is checked through validate() below).
    for (const { id, value } of PARSE_VECTORS.filter((vector) => !untypeable(vector.value) && vector.value)) {
      await check.fill(value);
      const result = (await page
        .locator('mde-ua-builder')
        .evaluate((el, text) => (el as HTMLElement & { validate(v: string): Promise<ParseResult> }).validate(text), value)) as ParseResult;
      expect(result.diags, id).toEqual(parseUserAgent(value).diags);
      const expected = result.diags.map((diag) => m[diag.level] + describeIssue(m, diag));
      await expect.poll(() => entries(page, 'check-m'), { message: id }).toEqual(
        result.ok ? [m.info + format(m.valid, { value: 'Contoso / ContosoCognito / 1.0.0' }), ...expected] : expected,
      );
    }
    await check.fill('');
    expect(await entries(page, 'check-m')).toEqual([]);
    expect(await check.getAttribute('aria-invalid')).toBe('false');
    const empty = await page.locator('mde-ua-builder').evaluate((el) => (el as HTMLElement & { validate(v: string): Promise<{ diags: { code: string }[] }> }).validate(''));
    expect(empty.diags.map((diag) => diag.code)).toEqual(['E_EMPTY']);
    await check.fill('User-Agent: MdePartner-Contoso-ContosoCognito/2.0.0');
    await inWidget(page, '#load').click();
    expect(await inWidget(page, '#value').textContent()).toBe('MdePartner-Contoso-ContosoCognito/2.0.0');
    await page.context().close();
  });

  it('reads the URL state of the spec vectors on the iframe page, as text', async () => {
    for (const { id, query, value, field, error } of URL_VECTORS) {
      const page = await open(`${FRAME}${query}`);
      if (value) expect(await inWidget(page, '#value').textContent(), id).toBe(value);
      else {
        expect(await inWidget(page, `#${field}`).getAttribute('aria-invalid'), id).toBe('true');
        const result = buildUserAgent(Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k.replace('mdeua-', ''), v])));
        expect(result.fields[field!].errors[0]?.code, id).toBe(error);
        expect((await entries(page, `${field}-m`))[0], id).toBe('Error' + describeIssue(messagesFor('en'), result.fields[field!].errors[0]!));
      }
      await page.context().close();
    }
  });

  it('round-trips the fields and the tab through the address, a "+" included', async () => {
    const page = await open(FRAME);
    await inWidget(page, '#company').fill('Contoso');
    await inWidget(page, '#product').fill('ContosoCognito');
    await inWidget(page, '#version').fill('1.0.0+build.5');
    await inWidget(page, '#t-go').click();
    await page.waitForTimeout(900);
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries([...query].filter(([k]) => k.startsWith('mdeua-')))).toEqual({
      'mdeua-company': 'Contoso',
      'mdeua-product': 'ContosoCognito',
      'mdeua-version': '1.0.0+build.5',
      'mdeua-snippet': 'go',
    });
    expect(page.url()).toContain('mdeua-version=1.0.0%2Bbuild.5');
    await page.reload();
    await ready(page);
    expect(await inWidget(page, '#value').textContent()).toBe('MdePartner-Contoso-ContosoCognito/1.0.0+build.5');
    expect(await inWidget(page, '#t-go').getAttribute('aria-selected')).toBe('true');
    await page.context().close();
  });

  it('speaks English where a language has no words, and follows the ancestors’ lang otherwise', async () => {
    const page = await open('/en/embed/');
    const lang = await page.evaluate(async () => {
      const host = document.createElement('div');
      host.lang = 'ko-KR';
      host.innerHTML = '<mde-ua-builder></mde-ua-builder><mde-ua-builder lang="nl"></mde-ua-builder>';
      document.body.append(host);
      const elements = [...host.querySelectorAll('mde-ua-builder')];
      await new Promise((resolve) => setTimeout(resolve, 500));
      return elements.map((el) => [el.shadowRoot!.querySelector('.w')?.getAttribute('lang'), el.shadowRoot!.querySelector('label')?.textContent]);
    });
    expect(lang).toEqual([
      ['ko', '회사 이름'],
      ['en', 'Company name'],
    ]);
    await page.context().close();
  });
});
