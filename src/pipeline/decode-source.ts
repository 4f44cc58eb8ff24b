/**
 * Turns the bytes of a received source file into the text the pipeline parses.
 *
 * Pure: bytes in, text and diagnostics out; never touches the file system. A file that is not text we
 * can trust (not UTF-8, empty) is an error with a position, never a silent best guess: a mojibake page
 * published to partners is worse than a failed build.
 */
import { VFile } from 'vfile';

export interface DecodedSource {
  /** UTF-8 text without BOM, with LF line endings; `null` when the bytes cannot be used. */
  text: string | null;
  file: VFile;
}

const ORIGIN = 'mt-docs:decode';

/** Finds where the first invalid UTF-8 sequence starts, as 1-based line and column (in characters). */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } | null {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let min = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return { line, column, byte: b };
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column, byte: b };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { line, column, byte: b };
    if (b === 0x0a) (line += 1), (column = 1);
    else column += 1;
    i += need + 1;
  }
  return null;
}

/**
 * Decodes `bytes` read from `path`. Errors: empty file, invalid UTF-8. Infos: a BOM was removed,
 * CRLF/CR line endings were normalised (line and column numbers stay those of the original file).
 */
export function decodeSource(bytes: Uint8Array, path: string): DecodedSource {
  const file = new VFile({ path });
  const fail = (reason: string, ruleId: string, line = 1, column = 1) => {
    const m = file.message(reason, { place: { line, column }, ruleId, source: ORIGIN });
    m.fatal = true;
    return { text: null, file };
  };

  if (bytes.length === 0) return fail('file is empty', 'empty-file');
  const bad = firstInvalidUtf8(bytes);
  if (bad) {
    const hex = bad.byte.toString(16).toUpperCase().padStart(2, '0');
    return fail(`not valid UTF-8: byte 0x${hex} starts an invalid sequence`, 'not-utf8', bad.line, bad.column);
  }
  let text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    file.info('byte order mark removed', { place: { line: 1, column: 1 }, ruleId: 'bom', source: ORIGIN });
  }
  if (text.includes('\r')) {
    const crlf = text.indexOf('\r');
    const line = text.slice(0, crlf).split('\n').length;
    const column = crlf - text.lastIndexOf('\n', crlf - 1);
    text = text.replace(/\r\n?/g, '\n');
    file.info('CRLF or CR line endings normalised to LF', {
      place: { line, column },
      ruleId: 'line-endings',
      source: ORIGIN,
    });
  }
  if (text.trim() === '') return fail('file has no content (only whitespace)', 'empty-file');
  file.value = text;
  return { text, file };
}
