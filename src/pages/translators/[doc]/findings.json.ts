/** `/translators/<doc>/findings.json`: every finding of a page, as `qa --json` prints it. */
import type { APIRoute } from 'astro';
import { findingsJson } from '../../../qa/export-findings.ts';
import { getQaRun } from '../../../qa/translator-pages.ts';

export function getStaticPaths() {
  return getQaRun().reports.map(({ report }) => ({ params: { doc: report.docId }, props: { findings: report.findings } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(findingsJson(props.findings as Parameters<typeof findingsJson>[0]), { headers: { 'content-type': 'application/json; charset=utf-8' } });
