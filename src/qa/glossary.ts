/**
 * The glossary and the suppressions: data files translators edit (content/qa/*.yaml), validated here
 * so a typo in them is a message naming the key, not a silent gap in the checks. Pure (parses text).
 */
import { parse } from 'yaml';
import { z } from 'zod';

const conceptSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  english: z.array(z.string().min(1)).min(1),
  find: z.string().refine((s) => {
    try {
      new RegExp(s, 'giu');
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid regular expression'),
  components: z.array(z.array(z.string().min(1)).min(1)).default([]),
  allowed: z.record(z.string(), z.array(z.string())).default({}),
});

const glossarySchema = z.object({
  doNotTranslate: z.array(z.string().min(1)).default([]),
  concepts: z.array(conceptSchema).default([]),
  deprecated: z.array(z.string().min(1)).default([]),
  /** French space before ; : ? !: `any` kind (a file that mixes kinds is flagged), or `no-break` only. */
  frenchSpaces: z.enum(['any', 'no-break']).default('any'),
});

export type Glossary = z.output<typeof glossarySchema>;
export type Concept = Glossary['concepts'][number];

const suppressionsSchema = z.object({
  suppressions: z
    .array(z.object({ id: z.string().regex(/^[a-z.-]+:[^:]+:[^:]*:[0-9a-f]{8}$/, 'must be check:locale:anchor:hash'), reason: z.string().optional() }))
    .default([]),
});
export type Suppression = z.output<typeof suppressionsSchema>['suppressions'][number];

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string): T {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return result.data;
}

export const parseGlossary = (text: string, file = 'glossary.yaml'): Glossary => parseWith(glossarySchema, text, file);
export const parseSuppressions = (text: string, file = 'suppressions.yaml'): Suppression[] => parseWith(suppressionsSchema, text, file).suppressions;

/** The locale-specific allowed renderings of a concept (by language subtag or full tag). */
export function allowedRenderings(concept: Concept, locale: string): string[] {
  return concept.allowed[locale] ?? concept.allowed[locale.split('-')[0]!] ?? [];
}
