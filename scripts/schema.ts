/**
 * `npm run schema`: writes schema/mt-docs.config.schema.json, the JSON Schema editors use for
 * mt-docs.config.json, from the zod schema the build validates with (src/site/config.ts). A test keeps
 * the shipped file equal to what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../src/site/config.ts';

if (process.argv.includes('--help')) {
  process.stdout.write('usage: npm run schema\n  writes schema/mt-docs.config.schema.json from src/site/config.ts\nexit codes: 0 written\n');
  process.exit(0);
}
const out = join(import.meta.dirname, '../schema/mt-docs.config.schema.json');
writeFileSync(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
