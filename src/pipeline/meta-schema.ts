/**
 * The typed metadata of a received page, from its YAML front matter.
 *
 * Why zod: every key the site and the translator checks rely on is validated in one place, and a bad
 * value becomes a message naming the key (and, through the caller, its line) instead of a crash later in
 * a page template. Keys we do not model are kept as they are. Pure.
 */
import { z } from 'zod';

/** `MM/DD/YYYY`, the hand-off date format of the localisation repositories, as an ISO date. */
const handoffDate = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v.trim()) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a date (expected MM/DD/YYYY)` });
      return z.NEVER;
    }
    const [year, month, day] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[1]!, m[2]!];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a valid calendar date` });
      return z.NEVER;
    }
    return iso;
  });

const text = z.string().trim().min(1, 'must not be empty');
const hex = (name: string) => z.string().regex(/^[0-9a-f]{7,64}$/i, `${name} must be a hexadecimal hash`);

/** Set by `mt-docs import --mark-post-edited` (src/qa/post-edited.ts): a person post-edited the MT. */
export const POST_EDITED_KEY = 'mt-docs.post-edited';

export const metaSchema = z
  .object({
    title: text,
    description: text.optional(),
    keywords: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(/[,、،，]\s*/)).map((k) => k.trim()).filter(Boolean))
      .optional(),
    'ms.contentlocale': z.string().trim().min(1, 'must not be empty'),
    'ms.translationtype': z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(['MT', 'HT', 'HT-MT', 'MT-HT']))
      .optional(),
    'ms.lasthandoff': handoffDate.optional(),
    'ms.sourcegitcommit': hex('ms.sourcegitcommit').optional(),
    'ms.openlocfilehash': hex('ms.openlocfilehash').optional(),
    'ms.locfileid': z.union([z.string(), z.number()]).transform(String).optional(),
    [POST_EDITED_KEY]: z.union([z.boolean(), z.array(z.string())]).optional(),
  })
  .catchall(z.unknown());

export type RawMeta = z.output<typeof metaSchema>;

/** Keys a page should carry for its provenance line; missing ones are warnings, not errors. */
export const RECOMMENDED_KEYS = ['description', 'ms.translationtype', 'ms.lasthandoff', 'ms.sourcegitcommit'] as const;

/** The metadata as the rest of the product sees it: camelCase, typed, provenance grouped. */
export interface DocMeta {
  title: string;
  description: string | null;
  keywords: string[];
  locale: string;
  translationType: string | null;
  handoff: string | null;
  sourceCommit: string | null;
  openLocFileHash: string | null;
  locFileId: string | null;
  /** A person post-edited the machine translation (`mt-docs.post-edited: true`, or a list of units). */
  postEdited: boolean;
  /** The units (segment ids, block keys) post-edited, where the key lists them; null for the whole file or none. */
  postEditedUnits: string[] | null;
  /** Every front-matter key as received (including the ones above), for key-drift checks. */
  raw: Record<string, unknown>;
  /** For the rebuilt English: the translated files it was rebuilt from. */
  rebuiltFrom?: { locale: string; sourceCommit: string | null; handoff: string | null }[];
  /** The page is the English original as received (no ms.contentlocale, or one in the source language). */
  original?: boolean;
  /**
   * Where several English revisions are given: the one this translation's English (behind each
   * paragraph) comes from, and how it was chosen: the revision its `ms.sourcegitcommit` names, or the
   * nearest one (the newest given that is not newer than its hand-off) when none of them is that one.
   */
  englishRevision?: { revision: string; how: 'named' | 'nearest' };
}

export function toDocMeta(meta: RawMeta, raw: Record<string, unknown>): DocMeta {
  return {
    title: meta.title,
    description: meta.description ?? null,
    keywords: meta.keywords ?? [],
    locale: meta['ms.contentlocale'],
    translationType: meta['ms.translationtype'] ?? null,
    handoff: meta['ms.lasthandoff'] ?? null,
    sourceCommit: meta['ms.sourcegitcommit'] ?? null,
    openLocFileHash: meta['ms.openlocfilehash'] ?? null,
    locFileId: meta['ms.locfileid'] ?? null,
    postEdited: meta[POST_EDITED_KEY] === true || (Array.isArray(meta[POST_EDITED_KEY]) && meta[POST_EDITED_KEY].length > 0),
    postEditedUnits: Array.isArray(meta[POST_EDITED_KEY]) ? meta[POST_EDITED_KEY] : null,
    raw,
  };
}
