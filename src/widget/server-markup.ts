/**
 * The `<mde-ua-builder>` tag as pages write it at build time, with its no-JS fallback as light-DOM
 * children: the header format and an example stay readable when scripts are off or blocked, and
 * disappear once the element is defined (spec §7). Pure, server side: no DOM.
 *
 * Returns trusted HTML: every string that goes in, the translations included, is escaped here, so a
 * caller may insert the result as it is (`set:html`).
 */

/** `t` is bound to the `ua` namespace of the page's language. */
export interface UaBuilderMarkupOptions {
  lang: string;
  t: (key: string) => string;
}

/** The format the spec fixes, with its placeholders; shown as code, never translated. */
export const USER_AGENT_FORMAT = 'MdePartner-{CompanyName}-{ProductName}/{Version}';
export const USER_AGENT_EXAMPLE = 'MdePartner-Contoso-ContosoCognito/1.0.0';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The fallback alone, for pages that write the tag themselves (the iframe page). */
export function uaBuilderFallback(t: UaBuilderMarkupOptions['t']): string {
  const paragraph = (html: string) => `<p>${html}</p>`;
  return (
    `<div class="mde-ua-fallback">` +
    paragraph(escapeHtml(t('fallback.intro'))) +
    paragraph(`<code>User-Agent: ${escapeHtml(USER_AGENT_FORMAT)}</code>`) +
    paragraph(`${escapeHtml(t('fallback.example'))} <code>${escapeHtml(USER_AGENT_EXAMPLE)}</code>`) +
    paragraph(escapeHtml(t('fallback.rules'))) +
    paragraph(escapeHtml(t('fallback.script'))) +
    `</div>`
  );
}

export function uaBuilderMarkup({ lang, t }: UaBuilderMarkupOptions): string {
  return `<mde-ua-builder lang="${escapeHtml(lang)}">${uaBuilderFallback(t)}</mde-ua-builder>`;
}
