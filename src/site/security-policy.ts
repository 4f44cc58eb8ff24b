/**
 * The Content-Security-Policy of every page, in one place: a `<meta http-equiv>` in each page's head and
 * the `_headers` file static hosts read. Strict: scripts and styles from the site only, never inline
 * ('wasm-unsafe-eval' lets the search index's WebAssembly run, nothing else), no plugins, no foreign
 * base or form targets. Images may come from the upstream docs site that relative image links resolve
 * to. Pure.
 */
export interface PolicyOptions {
  /** Upstream docs base URL (`https://learn.microsoft.com/{locale}/`): its origin may serve images. */
  upstreamBase?: string;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const upstream = options.upstreamBase ? new URL(options.upstreamBase.replace('{locale}', 'en-us')).origin : null;
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src 'self'${upstream ? ` ${upstream}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * `_headers` (Netlify, Cloudflare Pages and alike): the same policy as a header. The builder's iframe
 * page and module are for other sites: they may be framed anywhere and fetched across origins. (Hosts
 * add the headers of every matching rule, so the site-wide rule sets no frame-ancestors that the
 * embed rule would have to undo.)
 */
export function headersFile(options: PolicyOptions = {}): string {
  const csp = contentSecurityPolicy(options);
  return `/*
  Content-Security-Policy: ${csp}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

/embed/ua-builder/v1/*
  Content-Security-Policy: frame-ancestors *
  Access-Control-Allow-Origin: *
`;
}
