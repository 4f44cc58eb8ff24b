/**
 * The heavy part of the translator workbench, rendered once per document and shared by every UI
 * language: the aligned grid (whose columns the reader can narrow to a pair), the findings with the
 * source hotspots, and the term matrix. UI words are tokens (`Phrases`), swapped per UI language by a
 * string replace; links between a document's views are relative, the same from every UI language and
 * from disk. Pure given the report and the registry; the page writer (write-pages.ts) puts it in the
 * Astro-rendered shell of each UI language.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { SOURCE_LOCALE, type LocaleInfo } from '../../i18n/locales.ts';
import { CHECKS } from '../../qa/catalogue.ts';
import { INVARIANT_KINDS } from '../../qa/pair-diff.ts';
import { viewOf } from '../../qa/text-view.ts';
import type { Finding, GridRow, Invariants, LocaleStatus, QaReport } from '../../qa/types.ts';
import { visibleMark, visibleTokens } from '../../qa/visible-text.ts';
import { docTitle, formatDate, groupCount, localeName } from './format.ts';
import { Phrases } from './phrases.ts';
import { columnInfoIn, type QaEntry } from './qa-run.ts';
import { cellId, columnId, relativeHref, rowId, type WorkbenchView } from './urls.ts';

type Child = ElementContent | string | null | undefined | false | Child[];

/** Children without the holes that conditional markup leaves. */
function kids(...list: Child[]): (ElementContent | string)[] {
  const out: (ElementContent | string)[] = [];
  const add = (c: Child) => {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(add);
    else out.push(c);
  };
  list.forEach(add);
  return out;
}

interface Ctx {
  P: Phrases;
  report: QaReport;
  col: (code: string) => LocaleInfo;
  from: WorkbenchView;
  docId: string;
  title: string;
}

/** A cell's text with its invisible defects made visible, each a marked and labelled token. */
function qaText(ctx: Ctx, text: string, lang: string, dir: string): Element {
  return h(
    'p.qa-text',
    { lang, dir },
    visibleTokens(text).map((token) =>
      token.kind === 'text'
        ? token.text
        : h(`span.qa-vis.qa-vis-${token.kind}`, [h('span', { ariaHidden: 'true' }, visibleMark(token.kind, token.text, 'page')), h('span.visually-hidden', `[${ctx.P.t(`qa:visible.${token.kind}`)}]`)]),
    ),
  );
}

const counted = (list: string[]) => {
  const counts = new Map<string, number>();
  for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => (n > 1 ? `${v} ×${n}` : v));
};

/** The invariant strip; URLs and code are listed (a pair of columns has the room), ≠ said in words. */
function chips(ctx: Ctx, invariants: Invariants, disagreements: (keyof Invariants)[]): Element | null {
  const list = INVARIANT_KINDS.flatMap((k): { k: string; text: string; bad: boolean; list?: string[] }[] => {
    const v = invariants[k];
    const bad = disagreements.includes(k);
    if (typeof v === 'number') return v === 0 && !bad ? [] : [{ k, text: String(v), bad }];
    if (v.length === 0) return bad ? [{ k, text: '0', bad }] : [];
    if (k === 'urls' || k === 'code') return [{ k, text: String(v.length), list: counted(v), bad }];
    return [{ k, text: counted(v).join(', '), bad }];
  });
  if (list.length === 0) return null;
  return h(
    'ul.qa-chips',
    list.map((c) =>
      h(
        'li',
        { className: ['qa-chip', ...(c.bad ? ['qa-chip-bad'] : [])] },
        kids(
          c.bad && h('span', { ariaHidden: 'true' }, '≠ '),
          c.bad && h('span.visually-hidden', `${ctx.P.t('qa:inv.differs')}: `),
          `${ctx.P.t(`qa:inv.${c.k}`)}: `,
          c.list ? h('span.qa-chip-list', c.list.map((v) => h('code', { lang: 'en', dir: 'ltr' }, v))) : h('bdi', c.text),
        ),
      ),
    ),
  );
}

/** Findings as a list: severity in words, the check's title, the engine's (English) message. */
function findingList(ctx: Ctx, findings: Finding[]): Element {
  return h(
    'ul.qa-finding-list',
    findings.map((f) =>
      h(
        'li',
        { className: [`qa-sev-${f.severity}`, ...(f.suppressed ? ['qa-suppressed'] : [])] },
        kids(
          h('span.qa-sev', ctx.P.t(`qa:severity.${f.severity}`)),
          ' ',
          h('span.qa-check', ctx.P.t(`qa:checks.${f.check}`)),
          ' ',
          f.suppressed && [h('span.qa-badge', ctx.P.t('qa:findings.suppressedMark')), ' '],
          f.revisionDriven && [h('span.qa-badge', ctx.P.t('qa:findings.revisionDriven')), ' '],
          h('span.qa-message', { lang: 'en', dir: 'ltr' }, f.message),
        ),
      ),
    ),
  );
}

const localeLabel = (ctx: Ctx, code: string) => ctx.P.say(`name\u0000${code}`, (ui) => localeName(ui.code, code));

/** A column's header: name, code, revision group, hand-off date, stale and MT/HT badges in words. */
function columnHead(ctx: Ctx, code: string, status: LocaleStatus | null, groups: number): ElementContent[] {
  const col = ctx.col(code);
  const { P, report } = ctx;
  const name = h('span.qa-col-name', [h('span', { lang: col.lang }, col.label), ' ', h('span.qa-code', col.code)]);
  if (!status) return kids(name, report.english && h('span.qa-col-meta', P.t('qa:dashboard.english', { locales: report.english.rebuiltFrom.join(', ') }))) as ElementContent[];
  const s = status;
  const type = s.translationType === 'MT' || s.translationType === 'HT' ? s.translationType : null;
  return kids(
    name,
    h(
      'span.qa-col-meta',
      kids(
        h('span', `${P.t('qa:dashboard.group')} ${P.t('qa:dashboard.groupValue', { group: s.group, groups })}`),
        ' ',
        s.handoff && [h('span', [h('time', { dateTime: s.handoff }, P.say(`date\u0000${s.handoff}`, (ui) => formatDate(s.handoff, ui.code) ?? '')), ' '])],
        h(
          'span.qa-badges',
          kids(
            s.stale ? h('span.qa-badge.qa-badge-stale', P.t('qa:dashboard.stale')) : h('span.qa-badge.qa-badge-ok', P.t('qa:dashboard.current')),
            ' ',
            type && h('abbr.qa-badge', { title: P.t(`qa:type.${type}Label`) }, [P.t(`qa:type.${type}`), h('span.visually-hidden', ` (${P.t(`qa:type.${type}Label`)})`)]),
            s.postEdited && [' ', postEditedBadge(ctx, s)],
          ),
        ),
      ),
    ),
  ) as ElementContent[];
}

/** "Post-edited": the whole file, or how many of its units a person edited after the machine. */
export function postEditedBadge(ctx: Pick<Ctx, 'P'>, s: LocaleStatus): Element {
  const units = s.postEdited?.units;
  return h('span.qa-badge.qa-badge-edited', units ? ctx.P.t('qa:dashboard.postEditedUnits', { count: units.length }) : ctx.P.t('qa:dashboard.postEdited'));
}

const worstOf = (list: Finding[]) => {
  const open = list.filter((f) => !f.suppressed);
  const worst = (['error', 'warning', 'info'] as const).find((s) => open.some((f) => f.severity === s));
  return { open, worst };
};

/**
 * Each cell's invariants as one class number per kind (`0.1.0.0.0.0`): equal numbers in a row are equal
 * values, compared as `invariantDifferences` compares them (lists as multisets). The pair view names
 * what differs between any two columns from these, without the data of every pair.
 */
export function invariantSignatures(row: GridRow): Record<string, string> {
  const classes = INVARIANT_KINDS.map(() => new Map<string, number>());
  const out: Record<string, string> = {};
  for (const [code, cell] of Object.entries(row.cells)) {
    if (!cell) continue;
    out[code] = INVARIANT_KINDS.map((k, i) => {
      const v = cell.invariants[k];
      const key = Array.isArray(v) ? [...v].sort().join('\u0000') : String(v);
      const seen = classes[i]!;
      if (!seen.has(key)) seen.set(key, seen.size);
      return seen.get(key)!;
    }).join('.');
  }
  return out;
}

function legend(ctx: Ctx): Element {
  const { P } = ctx;
  const item = (kind: string, symbol: string) => h('li', [h(`span.qa-vis.qa-vis-${kind}`, h('span', { ariaHidden: 'true' }, symbol)), ' ', P.t(`qa:visible.${kind}`)]);
  return h('details.qa-legend', [
    h('summary', P.t('qa:grid.legend')),
    h('ul', [
      item('empty-link', '⟦∅⟧'),
      item('nbsp', '⍽'),
      item('nnbsp', '⍽'),
      item('spaces', '␣␣'),
      item('edge-space', '␣'),
      h('li', [h('span.qa-chip.qa-chip-bad', [h('span', { ariaHidden: 'true' }, '≠ '), P.t('qa:inv.numbers')]), ' ', P.t('qa:inv.differs')]),
    ]),
  ]);
}

/** The pair chooser: any two columns, or all of them; swap and "show the second column"; kept in the fragment. */
function pairForm(ctx: Ctx): Element {
  const { P, report } = ctx;
  const select = (name: 'a' | 'b', label: string) =>
    h('div.qa-filter', [
      h('label', { htmlFor: `pair-${name}` }, label),
      h('select', { id: `pair-${name}`, name }, [h('option', { value: '' }, P.t('qa:pair.all')), ...report.columns.map((c) => h('option', { value: c }, localeLabel(ctx, c)))]),
    ]);
  return h('form.qa-pair-form.needs-js', { ariaLabel: P.t('qa:pair.controls'), dataQaPairForm: '' }, [
    select('a', P.t('qa:pair.first')),
    select('b', P.t('qa:pair.second')),
    h('div.qa-pair-buttons', [
      h('button', { type: 'button', ariaPressed: 'false', dataQaSwap: '', disabled: true }, P.t('qa:pair.swap')),
      h('button', { type: 'button', ariaPressed: 'true', dataQaOther: '', disabled: true, dataTemplate: P.t('qa:pair.otherShown', { locale: '{locale}' }) }, P.t('qa:pair.otherShown', { locale: '…' })),
      h('button', { type: 'reset' }, P.t('qa:pair.showAll')),
    ]),
    h('p.qa-shown', { role: 'status', dataTemplate: P.t('qa:pair.summary', { rows: '{rows}', differing: '{differing}' }) }),
    h('ul', { hidden: true, dataQaKinds: '', dataTemplate: P.t('qa:inv.pairDiffers', { kinds: '{kinds}' }) }, INVARIANT_KINDS.map((k) => h('li', { dataKind: k }, P.t(`qa:inv.${k}`)))),
  ]);
}

function workbenchMain(ctx: Ctx): ElementContent[] {
  const { P, report } = ctx;
  const groups = groupCount(report);
  const byCell = new Map<string, Finding[]>();
  for (const f of report.findings) if (f.block) byCell.set(`${f.locale}|${f.block}`, [...(byCell.get(`${f.locale}|${f.block}`) ?? []), f]);
  const sections = [...new Set(report.grid.map((r) => r.anchor))];
  const typeLabel = (type: string) => P.t(`qa:blockType.${type === 'heading' || type === 'paragraph' ? type : 'other'}`);
  const rowLabel = (key: string, anchor: string) => {
    const n = key.slice(anchor.length + 1);
    const section = sections.indexOf(anchor) + 1;
    return n ? `${section}.${n}` : `${section}`;
  };
  const head = h(
    'tr',
    kids(
      h('th.qa-rowhead', { scope: 'col' }, P.t('qa:grid.block')),
      report.columns.map((code) => {
        const page = report.findings.filter((f) => f.locale === code && !f.block);
        const { open, worst } = worstOf(page);
        return h(
          'th.qa-colhead',
          { scope: 'col', id: columnId(code), dataCol: code },
          kids(
            columnHead(ctx, code, report.locales.find((l) => l.locale === code) ?? null, groups),
            open.length > 0 &&
              h('details', { className: ['qa-cell-findings', ...(worst ? [`qa-worst-${worst}`] : [])] }, [h('summary', P.t('qa:severity.findings', { count: open.length })), findingList(ctx, page)]),
          ),
        );
      }),
    ),
  );
  const body = report.grid.map((row) => {
    const signatures = invariantSignatures(row);
    return h(
      'tr',
      { className: [`qa-row-${row.type === 'heading' ? 'heading' : 'block'}`], id: rowId(row.key) },
      kids(
        h('th.qa-rowhead', { scope: 'row' }, [
          h('span.qa-rowlabel', rowLabel(row.key, row.anchor)),
          ' ',
          h('span.qa-sub', typeLabel(row.type)),
          ' ',
          h('span.qa-anchor', { lang: 'en', dir: 'ltr' }, row.key),
          h('span.qa-badge.qa-badge-warn.qa-differs', { hidden: true, dataQaDiffers: '' }),
        ]),
        report.columns.map((code) => {
          const cell = row.cells[code];
          const col = ctx.col(code);
          if (!cell) return h('td.qa-cell.qa-cell-missing', { dataCol: code }, h('span.qa-muted', P.t('qa:grid.missing')));
          const list = byCell.get(`${code}|${row.key}`) ?? [];
          const { open, worst } = worstOf(list);
          return h(
            'td',
            {
              id: cellId(code, row.key),
              className: ['qa-cell', ...(cell.sourceChanged ? ['qa-source-changed'] : []), ...(cell.postEdited ? ['qa-post-edited'] : []), ...(worst ? [`qa-worst-${worst}`] : [])],
              dataCol: code,
              dataInv: signatures[code],
            },
            kids(
              qaText(ctx, cell.text, col.lang, col.dir),
              h(
                'p.qa-cell-meta',
                kids(
                  cell.line > 0 && [h('span.qa-line', P.t('qa:grid.line', { line: cell.line })), ' '],
                  cell.sourceChanged && [h('span.qa-badge.qa-badge-changed', P.t('qa:grid.sourceChanged')), ' '],
                  cell.postEdited && h('span.qa-badge.qa-badge-edited', P.t('qa:grid.postEdited')),
                ),
              ),
              chips(ctx, cell.invariants, cell.disagreements),
              list.length > 0 &&
                h('details', { className: ['qa-cell-findings', ...(worst ? [`qa-worst-${worst}`] : [])], open: open.length > 0 && worst !== 'info' }, [
                  h('summary', kids(P.t('qa:severity.findings', { count: open.length }), worst && ` · ${P.t(`qa:severity.${worst}`)}`)),
                  findingList(ctx, list),
                ]),
            ),
          );
        }),
      ),
    );
  });
  return [
    h('h1', [`${P.t('qa:grid.title')}: `, h('span', { lang: 'en', dir: 'ltr' }, ctx.title)]),
    h('p.qa-intro', P.t('qa:grid.intro')),
    h('p.qa-intro', P.t('qa:pair.choose')),
    h('p.qa-intro', P.t('qa:grid.sourceChangedHelp')),
    legend(ctx),
    pairForm(ctx),
    h('div.qa-scroll.qa-grid-scroll', { role: 'region', ariaLabel: P.t('qa:grid.scroll'), tabIndex: 0 }, [
      h('table.qa-grid', { dataQaGrid: '' }, [h('caption.visually-hidden', P.t('qa:grid.caption', { title: ctx.title })), h('thead', head), h('tbody', body)]),
    ]),
  ];
}

/** Where a finding is shown in the grid: its cell, or its column's header when it is about the whole file. */
export const findingTarget = (f: Finding) => (f.block ? cellId(f.locale, f.block) : columnId(f.locale));

function findingsMain(ctx: Ctx): ElementContent[] {
  const { P, report, docId } = ctx;
  const grid = relativeHref(ctx.from, 'workbench', docId);
  const download = (name: string) => relativeHref(ctx.from, { download: name }, docId);
  const groupOf = new Map(report.locales.map((l) => [l.locale, l.group]));
  const groups = [...new Set(report.locales.map((l) => l.group))].sort((a, b) => a - b);
  const checks = CHECKS.filter((c) => report.findings.some((f) => f.check === c.id));
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const shortFile = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const select = (id: string, name: string, label: string, options: [string, string][]) =>
    h('div.qa-filter', [h('label', { htmlFor: id }, label), h('select', { id, name }, [h('option', { value: '' }, P.t('qa:findings.all')), ...options.map(([v, text]) => h('option', { value: v }, text))])]);
  const ordered = [...report.findings.filter((f) => f.check === 'source.hotspot'), ...report.findings.filter((f) => f.check !== 'source.hotspot')];
  return kids(
    h('h1', [`${P.t('qa:findings.title')}: `, h('span', { lang: 'en', dir: 'ltr' }, ctx.title)]),
    h('p.qa-intro', P.t('qa:findings.intro')),
    h('p.qa-downloads-inline', [
      h('a', { href: download('findings.json'), download: `${docId}.findings.json` }, P.t('qa:dashboard.findingsJson')),
      ' ',
      h('a', { href: download('findings.csv'), download: `${docId}.findings.csv` }, P.t('qa:dashboard.findingsCsv')),
    ]),
    report.hotspots.length > 0 &&
      h('section.qa-hotspots', { ariaLabelledBy: 'hotspots' }, [
        h('h2', { id: 'hotspots' }, P.t('qa:findings.hotspots')),
        h(
          'ol',
          report.hotspots.map((hs) => {
            const block = hs.findingIds.map((id) => byId.get(id)?.block).find(Boolean);
            return h('li', [
              qaText(ctx, viewOf(hs.english).text, 'en', 'ltr'),
              h('p', kids(P.t('qa:findings.hotspotIn', { locales: hs.locales.join(', ') }), block && [' · ', h('a', { href: `${grid}#${cellId(SOURCE_LOCALE, block)}` }, P.t('qa:findings.open'))])),
            ]);
          }),
        ),
      ]),
    h(
      'section',
      { ariaLabelledBy: 'all-findings' },
      kids(
        h('h2', { id: 'all-findings' }, P.t('qa:findings.caption', { title: ctx.title })),
        h('form.qa-filters.needs-js', { dataQaFilters: '', ariaLabel: P.t('qa:findings.filters') }, [
          select('filter-check', 'check', P.t('qa:findings.check'), checks.map((c) => [c.id, `${P.t(`qa:checks.${c.id}`)} (${c.id})`])),
          select('filter-severity', 'severity', P.t('qa:findings.severity'), (['error', 'warning', 'info'] as const).map((s) => [s, P.t(`qa:severity.${s}`)])),
          select('filter-locale', 'locale', P.t('qa:findings.locale'), report.columns.map((c) => [c, localeLabel(ctx, c)])),
          select('filter-group', 'group', P.t('qa:findings.group'), groups.map((g) => [String(g), String(g)])),
          h('div.qa-filter.qa-filter-check', [h('input', { type: 'checkbox', id: 'filter-suppressed', name: 'suppressed', value: '1' }), h('label', { htmlFor: 'filter-suppressed' }, P.t('qa:findings.suppressed'))]),
          h('button', { type: 'reset' }, P.t('qa:findings.reset')),
          h('p.qa-shown', { role: 'status', dataTemplate: P.t('qa:findings.shown', { shown: '{shown}', total: '{total}' }) }),
        ]),
        report.findings.length === 0
          ? h('p', P.t('qa:findings.none'))
          : h('div.qa-scroll', { role: 'region', ariaLabel: P.t('qa:findings.scroll'), tabIndex: 0 }, [
              h('table.qa-findings', { dataQaFindings: '' }, [
                h('thead', h('tr', ['severity', 'check', 'locale', 'message', 'where'].map((k) => h('th', { scope: 'col' }, P.t(`qa:findings.${k}`))))),
                h(
                  'tbody',
                  ordered.map((f) => {
                    const col = ctx.col(f.locale);
                    const where = `${shortFile(f.file)}:${f.line}:${f.column}`;
                    return h(
                      'tr',
                      {
                        id: `finding-${f.id}`,
                        className: [`qa-sev-${f.severity}`, ...(f.suppressed ? ['qa-suppressed'] : [])],
                        dataCheck: f.check,
                        dataSeverity: f.severity,
                        dataLocale: f.locale,
                        dataGroup: String(groupOf.get(f.locale) ?? ''),
                        dataSuppressed: f.suppressed ? '1' : undefined,
                      },
                      [
                        h('td', h('span.qa-sev', P.t(`qa:severity.${f.severity}`))),
                        h('td', [P.t(`qa:checks.${f.check}`), ' ', h('code.qa-sub', { lang: 'en' }, f.check)]),
                        h('td', [h('span', { lang: col.lang }, col.label), ' ', h('span.qa-code', f.locale)]),
                        h(
                          'td',
                          kids(
                            h('span', { lang: 'en', dir: 'ltr' }, f.message),
                            f.suppressed && [' ', h('span.qa-badge', P.t('qa:findings.suppressedMark'))],
                            f.revisionDriven && [' ', h('span.qa-badge.qa-badge-changed', P.t('qa:findings.revisionDriven'))],
                          ),
                        ),
                        h(
                          'td.qa-where',
                          kids(
                            h('a', { href: `${grid}#${findingTarget(f)}`, ariaLabel: `${f.block ? P.t('qa:findings.open') : P.t('qa:findings.openColumn')}: ${where}` }, h('code', where)),
                            f.segment && h('span.qa-sub', { lang: 'en' }, `#${f.segment}`),
                          ),
                        ),
                      ],
                    );
                  }),
                ),
              ]),
            ]),
      ),
    ),
  ) as ElementContent[];
}

function termsMain(ctx: Ctx): ElementContent[] {
  const { P, report, docId } = ctx;
  const grid = relativeHref(ctx.from, 'workbench', docId);
  const locales = report.locales.map((l) => l.locale);
  // A line belongs to the last block of that locale starting at or before it (front matter: the column).
  const lineTarget = (locale: string, line: number): string => {
    let best: { key: string; line: number } | null = null;
    for (const row of report.grid) {
      const cell = row.cells[locale];
      if (cell && cell.line > 0 && cell.line <= line && (!best || cell.line >= best.line)) best = { key: row.key, line: cell.line };
    }
    return best ? cellId(locale, best.key) : columnId(locale);
  };
  return [
    h('h1', [`${P.t('qa:terms.title')}: `, h('span', { lang: 'en', dir: 'ltr' }, ctx.title)]),
    h('p.qa-intro', P.t('qa:terms.intro')),
    h('div.qa-scroll', { role: 'region', ariaLabel: P.t('qa:terms.scroll'), tabIndex: 0 }, [
      h('table.qa-terms', [
        h('caption', P.t('qa:terms.caption', { title: ctx.title })),
        h(
          'thead',
          h('tr', [
            h('th', { scope: 'col' }, P.t('qa:terms.concept')),
            ...locales.map((code) => {
              const col = ctx.col(code);
              return h('th', { scope: 'col' }, [h('span', { lang: col.lang }, col.label), ' ', h('span.qa-code', code)]);
            }),
          ]),
        ),
        h(
          'tbody',
          report.terms.concepts.map((concept) =>
            h('tr', [
              h('th', { scope: 'row', lang: 'en', dir: 'ltr' }, concept.label),
              ...locales.map((code) => {
                const renderings = report.terms.cells[concept.id]?.[code] ?? [];
                const col = ctx.col(code);
                if (renderings.length === 0) return h('td', h('span.qa-muted', P.t('qa:terms.none')));
                return h(
                  'td',
                  kids(
                    renderings.length > 1 && h('p.qa-terms-count', P.t('qa:terms.renderings', { count: renderings.length })),
                    h(
                      'ul.qa-renderings',
                      renderings.map((r) =>
                        h('li', [
                          h('span.qa-term', { lang: col.lang, dir: col.dir }, r.text),
                          ' ',
                          h('span.qa-sub', `×${r.count}`),
                          ' ',
                          h('span.qa-lines', [h('span.visually-hidden', `${P.t('qa:terms.lines')}: `), ...r.lines.flatMap((line, i) => [...(i > 0 ? [' '] : []), h('a', { href: `${grid}#${lineTarget(code, line)}` }, String(line))])]),
                        ]),
                      ),
                    ),
                  ),
                );
              }),
            ]),
          ),
        ),
      ]),
    ]),
  ];
}

export interface RenderedViews {
  /** The main content of each view, with UI words as tokens of `phrases`. */
  html: Record<WorkbenchView, string>;
  phrases: Phrases;
  title: string;
}

/** The three views of one document, rendered once for every UI language. */
export function renderViews(entry: QaEntry, registry: readonly LocaleInfo[]): RenderedViews {
  const P = new Phrases();
  const title = docTitle(entry);
  const base = { P, report: entry.report, col: (code: string) => columnInfoIn(registry, code), docId: entry.report.docId, title };
  const render = (from: WorkbenchView, main: (ctx: Ctx) => ElementContent[]) => toHtml(main({ ...base, from }));
  return {
    html: { workbench: render('workbench', workbenchMain), findings: render('findings', findingsMain), terms: render('terms', termsMain) },
    phrases: P,
    title,
  };
}
