/**
 * A generated corpus for the scale benchmark: N copies of the page in every locale, each copy under its
 * own slug and title (`become-partner-17`, "… (17)"), with the project's mt-docs.config.json, and its includes
 * and translator glossary where the content folder has them.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generateCorpus(contentDir: string, outDir: string, n: number, docId = 'become-partner'): number {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'source'), { recursive: true });
  cpSync(join(contentDir, 'mt-docs.config.json'), join(outDir, 'mt-docs.config.json'));
  // Only what the content folder has (the project's own content has no includes folder).
  for (const sub of ['includes', 'qa']) if (existsSync(join(contentDir, sub))) cpSync(join(contentDir, sub), join(outDir, sub), { recursive: true });
  const sources = readdirSync(join(contentDir, 'source', docId)).filter((f) => f.endsWith('.md'));
  let files = 0;
  for (let i = 1; i <= n; i++) {
    const dir = join(outDir, 'source', `${docId}-${i}`);
    mkdirSync(dir, { recursive: true });
    for (const name of sources) {
      const text = readFileSync(join(contentDir, 'source', docId, name), 'utf8');
      writeFileSync(join(dir, name), text.replace(/^title: (.*)$/m, (_, t: string) => `title: ${t} (${i})`));
      files += 1;
    }
  }
  return files;
}
