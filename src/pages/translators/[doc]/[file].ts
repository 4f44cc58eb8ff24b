/**
 * `/translators/<doc>/<doc>.<locale>.xlf` (XLIFF 2.0, span-wrapped locales) and `/translators/<doc>/<doc>.tmx`
 * (TMX 1.4): the same files `qa --export` writes, built from the same function.
 */
import type { APIRoute } from 'astro';
import { exportFiles } from '../../../qa/export-files.ts';
import { loadQaData } from '../../../qa/load-qa.ts';
import { getQaRun } from '../../../qa/translator-pages.ts';

export function getStaticPaths() {
  const data = loadQaData();
  return getQaRun().reports.flatMap((entry) =>
    exportFiles(entry, data).map((file) => ({ params: { doc: entry.report.docId, file: file.name }, props: { content: file.content } })),
  );
}

export const GET: APIRoute = ({ props }) => new Response(props.content as string, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
