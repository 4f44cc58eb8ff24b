/**
 * The element's look, as one constructable stylesheet shared by every instance: adopted stylesheets
 * are not subject to a host page's `style-src`, so the widget needs no inline `<style>` and works under
 * a strict Content-Security-Policy. Browser only.
 *
 * Every colour is a `--mde-ua-*` custom property with a default for each scheme (`light-dark()`,
 * which follows the element's `color-scheme`). `theme="light"` or `"dark"` sets that scheme; `auto`
 * inherits the page's, so the builder is dark exactly where its page is: with the system on a page
 * that declares `color-scheme: light dark`, with the reader's choice on a page that switches it, and
 * light on a page that declares nothing. The defaults keep text at 4.5:1 or more against their
 * backgrounds in both schemes; a host that overrides them owns that contrast.
 */
const CSS = `
:host{display:block}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
:host([hidden]){display:none}
.w{--f:var(--mde-ua-fg,light-dark(#1b1b1b,#eee));--b:var(--mde-ua-bg,light-dark(#fff,#111));--m:var(--mde-ua-muted,light-dark(#555,#bbb));--a:var(--mde-ua-accent,light-dark(#05a,#8cf));--o:var(--mde-ua-border,light-dark(#777,#888));--e:var(--mde-ua-error,light-dark(#b22,#f99));--n:var(--mde-ua-warning,light-dark(#740,#fc6));--s:var(--mde-ua-surface,light-dark(#f2f2f2,#222));display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;padding:1rem;color:var(--f);background:var(--b);border:1px solid var(--o);border-radius:.5rem;line-height:1.5}
label,.l{display:block;font-weight:600}
input{box-sizing:border-box;width:100%;margin:.25rem 0;padding:.5rem;font:inherit;color:inherit;background:inherit;border:1px solid var(--o);border-radius:.25rem}
[aria-invalid=true]{border:2px solid var(--e)}
.h{margin:0;color:var(--m)}
ul{margin:0;padding:0;list-style:none}
li{margin:.25rem 0;padding-inline-start:.5rem;border-inline-start:3px solid var(--m)}
b{margin-inline-end:.5em}
.error{border-color:var(--e)}.error b{color:var(--e)}
.warning{border-color:var(--n)}.warning b{color:var(--n)}
pre,.v{display:block;margin:.25rem 0;padding:.5rem;background:var(--s);white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,monospace;direction:ltr;text-align:left;unicode-bidi:isolate}pre{white-space:pre;overflow-wrap:normal;overflow-x:auto;background:linear-gradient(to right,var(--s) 30%,#0000) left/2rem 100% no-repeat local,linear-gradient(to left,var(--s) 30%,#0000) right/2rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,#0004,#0000) left/.6rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0004,#0000) right/.6rem 100% no-repeat scroll,var(--s)}
.p{color:var(--m)}
.a{display:flex;flex-wrap:wrap;gap:.5rem}
button{font:inherit;color:var(--b);background:var(--a);border:1px solid var(--a);border-radius:.25rem;padding:.25rem .75rem}
:disabled{opacity:.55}
li button{color:var(--a);background:var(--b);margin-inline-start:.5em}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
[role=tablist]{display:flex;flex-wrap:wrap;border-bottom:1px solid var(--o)}
[role=tab]{color:var(--f);background:none;border:0;border-bottom:3px solid #0000}
[aria-selected=true]{border-color:var(--a);font-weight:600}
.s{margin:0;min-height:1.5em;font-weight:600}
`;

let sheet: CSSStyleSheet | undefined;

/** The shared sheet, built on first use (not at import, so a server-side import never needs the DOM). */
export function widgetStyles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
