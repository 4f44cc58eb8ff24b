/**
 * Text and attribute values for the XML exports (XLIFF, TMX): escaped so that any Markdown, any
 * language and any stray control character yields well-formed XML 1.0. Pure.
 */

// Characters XML 1.0 cannot carry at all, escaped or not (C0 controls but tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF): replaced rather than producing a file no tool can read.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Element content: `&`, `<` and `>` escaped (`>` too, so `]]>` never appears), CR kept as a reference
 * (parsers turn a literal CR into LF); a character XML cannot carry becomes `invalid(c)` (U+FFFD, or
 * XLIFF's `<cp hex>`: it is put in after the escaping).
 */
export const xmlText = (s: string, invalid: (c: string) => string = () => '\ufffd') =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;').replace(NOT_XML, invalid);

/** A double-quoted attribute value; tab and line breaks kept as character references, as XML normalises them away otherwise. */
export const xmlAttr = (s: string) =>
  xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
