/** `/translators/<doc>/findings.csv`: every finding of a page, one row each, for a spreadsheet. */
import type { APIRoute } from 'astro';
import { findingsCsv } from '../../../qa/export-findings.ts';
import { getQaRun } from '../../../qa/translator-pages.ts';

export function getStaticPaths() {
  return getQaRun().reports.map(({ report }) => ({ params: { doc: report.docId }, props: { findings: report.findings } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(findingsCsv(props.findings as Parameters<typeof findingsCsv>[0]), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
