/**
 * The RFC 9110 `tchar` set (77 characters) and its complement classes, as the builder and the parser
 * both need them. Pure; kept as regular expressions rather than tables so the core stays small.
 */

/** One tchar: `A–Z a–z 0–9 ! # $ % & ' * + - . ^ _ \` | ~`. */
export const TCHAR = /^[-!#$%&'*+.^_`|~0-9A-Za-z]$/;
export const NOT_TCHAR = /[^-!#$%&'*+.^_`|~0-9A-Za-z]/g;

export const isPrintableAscii = (text: string): boolean => /^[ -~]*$/.test(text);
