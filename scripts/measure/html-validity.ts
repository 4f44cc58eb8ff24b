/**
 * The Nu HTML Checker (npm vnu-jar, run with the machine's Java) over every page of a built site, in one
 * JVM start. Returns its messages (errors only).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { htmlFiles } from './site-files.ts';

export interface ValidatorMessage {
  file: string;
  line?: number;
  message: string;
  extract?: string;
}

export function validateHtml(distDir: string): { files: number; errors: ValidatorMessage[] } {
  const jar = String(createRequire(import.meta.url)('vnu-jar'));
  const files = htmlFiles(distDir);
  const r = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const json = JSON.parse(r.stderr || r.stdout || '{"messages":[]}') as { messages: { url: string; lastLine?: number; message: string; extract?: string; type: string }[] };
  const errors = json.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({ file: decodeURIComponent(m.url.replace(/^file:/, '')), line: m.lastLine, message: m.message, extract: m.extract }));
  return { files: files.length, errors };
}
