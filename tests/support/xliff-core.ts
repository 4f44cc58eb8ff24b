/**
 * A validator for XLIFF 2.0 core (OASIS, xliff-core-v2.0-os), written from the specification's content
 * model and its constraints, for tests: no XSD of XLIFF 2.0 is available on this machine (no package of
 * the npm registry ships xliff_core_2.0.xsd, and there is no network), so the rules of the schema's
 * element declarations and of the prose constraints (§4.2–4.9) are transcribed here, for the core
 * elements. Elements and attributes of other namespaces are allowed where the schema allows them
 * (modules and extensions), and not looked into.
 *
 * Reads with saxes, namespace-aware; returns every violation with its line, none for a valid document.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const XLIFF = 'urn:oasis:names:tc:xliff:document:2.0';
const XML = 'http://www.w3.org/XML/1998/namespace';

type Rule = {
  /** Attributes without a namespace allowed here; `!` marks a required one. */
  attrs: string[];
  /** Content: a pattern over child element names (core ones by name, `#ext` any other namespace). */
  children?: RegExp;
  /** Text allowed (inline content). */
  text?: boolean;
};

const INLINE = '(?:cp|ph|pc|sc|ec|mrk|sm|em)';
const inline = new RegExp(`^(?:${INLINE} )*$`);
const FS = ['canResegment', 'translate', 'srcDir', 'trgDir'];

const RULES: Record<string, Rule> = {
  xliff: { attrs: ['!version', '!srcLang', 'trgLang'], children: /^(?:file )+$/ },
  file: { attrs: ['!id', 'original', ...FS], children: /^(?:skeleton )?(?:#ext )*(?:notes )?(?:(?:unit|group) )+$/ },
  skeleton: { attrs: ['href'], children: /^(?:#ext )*$/, text: true },
  group: { attrs: ['!id', 'name', 'type', ...FS], children: /^(?:#ext )*(?:notes )?(?:(?:unit|group) )*$/ },
  unit: { attrs: ['!id', 'name', 'type', ...FS], children: /^(?:#ext )*(?:notes )?(?:originalData )?(?:(?:segment|ignorable) )+$/ },
  segment: { attrs: ['id', 'canResegment', 'state', 'subState'], children: /^source (?:target )?$/ },
  ignorable: { attrs: ['id'], children: /^source (?:target )?$/ },
  notes: { attrs: [], children: /^(?:note )+$/ },
  note: { attrs: ['id', 'appliesTo', 'category', 'priority'], children: /^$/, text: true },
  originalData: { attrs: [], children: /^(?:data )+$/ },
  data: { attrs: ['!id', 'dir'], children: /^(?:cp )*$/, text: true },
  source: { attrs: [], children: inline, text: true },
  target: { attrs: ['order'], children: inline, text: true },
  cp: { attrs: ['!hex'], children: /^$/ },
  ph: { attrs: ['!id', 'canCopy', 'canDelete', 'canReorder', 'copyOf', 'disp', 'equiv', 'dataRef', 'subFlows', 'subType', 'type'], children: /^$/ },
  pc: {
    attrs: ['!id', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dispEnd', 'dispStart', 'equivEnd', 'equivStart', 'dataRefEnd', 'dataRefStart', 'subFlowsEnd', 'subFlowsStart', 'subType', 'type', 'dir'],
    children: inline,
    text: true,
  },
  sc: { attrs: ['!id', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dataRef', 'dir', 'disp', 'equiv', 'isolated', 'subFlows', 'subType', 'type'], children: /^$/ },
  ec: { attrs: ['id', 'canCopy', 'canDelete', 'canOverlap', 'canReorder', 'copyOf', 'dataRef', 'dir', 'disp', 'equiv', 'isolated', 'startRef', 'subFlows', 'subType', 'type'], children: /^$/ },
  mrk: { attrs: ['!id', 'translate', 'type', 'ref', 'value'], children: inline, text: true },
  sm: { attrs: ['!id', 'translate', 'type', 'ref', 'value'], children: /^$/ },
  em: { attrs: ['!startRef'], children: /^$/ },
};

const ENUMS: Record<string, RegExp> = {
  version: /^2\.0$/,
  state: /^(?:initial|translated|reviewed|final)$/,
  appliesTo: /^(?:source|target)$/,
  priority: /^(?:[1-9]|10)$/,
  canResegment: /^(?:yes|no)$/,
  translate: /^(?:yes|no)$/,
  canCopy: /^(?:yes|no)$/,
  canDelete: /^(?:yes|no)$/,
  canOverlap: /^(?:yes|no)$/,
  isolated: /^(?:yes|no)$/,
  canReorder: /^(?:yes|firstNo|no)$/,
  srcDir: /^(?:ltr|rtl|auto)$/,
  trgDir: /^(?:ltr|rtl|auto)$/,
  dir: /^(?:ltr|rtl|auto)$/,
  hex: /^[0-9A-Fa-f]+$/,
  subState: /^[^:\s]+:[^\s]+$/,
  subType: /^[^:\s]+:[^\s]+$/,
  order: /^[1-9]\d*$/,
  // NMTOKEN: name characters, no spaces.
  id: /^[\p{L}\p{N}._:\u00b7-]+$/u,
};

/** `type` depends on the element: inline codes have a fixed list, structural elements are free. */
const CODE_TYPES = /^(?:fmt|ui|quote|link|image|other)$/;

interface Frame {
  name: string;
  core: boolean;
  children: string[];
  attrs: Record<string, string>;
  line: number;
  hasText: boolean;
}

export interface XliffProblem {
  line: number;
  message: string;
}

export function validateXliffCore(xml: string): XliffProblem[] {
  const problems: XliffProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: Frame[] = [];
  let srcLang = '';
  let trgLang: string | null = null;
  let hasTarget = false;
  // Ids by scope: files in the document; units and groups in a file; data and inline codes in a unit.
  const fileIds = new Set<string>();
  let fileScope = new Set<string>();
  let unit: { data: Set<string>; refs: { ref: string; line: number }[]; sourceIds: Set<string>; targetIds: { id: string; line: number }[] } | null = null;
  const report = (message: string) => problems.push({ line: parser.line, message });
  const inside = (name: string) => stack.some((f) => f.core && f.name === name);

  parser.on('error', (e) => {
    problems.push({ line: parser.line, message: `not well-formed: ${e.message}` });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack.at(-1);
    const core = tag.uri === XLIFF;
    if (!parent && !(core && tag.local === 'xliff')) report(`the root is ${tag.name}, not XLIFF 2.0's <xliff>`);
    parent?.children.push(core ? tag.local : '#ext');
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === '' ) attrs[a.local] = a.value;
      else if (a.uri === XML && !['lang', 'space'].includes(a.local)) report(`xml:${a.local} is not an XML attribute XLIFF knows`);
      else if (a.uri === XML && a.local === 'space' && !/^(?:default|preserve)$/.test(a.value)) report(`xml:space="${a.value}" must be default or preserve`);
    }
    stack.push({ name: tag.local, core, children: [], attrs, line: parser.line, hasText: false });
    if (!core) return;
    const rule = RULES[tag.local];
    if (!rule) return report(`<${tag.local}> is not an element of XLIFF 2.0 core`);
    if (parent && !parent.core && tag.local !== 'xliff') report(`<${tag.local}> inside an extension element`);
    const allowed = new Set(rule.attrs.map((a) => a.replace('!', '')));
    for (const a of rule.attrs) if (a.startsWith('!') && attrs[a.slice(1)] === undefined) report(`<${tag.local}> lacks its required ${a.slice(1)} attribute`);
    for (const [k, v] of Object.entries(attrs)) {
      if (!allowed.has(k)) report(`<${tag.local}> has no attribute ${k} (in no namespace)`);
      else if (k === 'type' && ['ph', 'pc', 'sc', 'ec'].includes(tag.local) && !CODE_TYPES.test(v)) report(`<${tag.local} type="${v}"> must be fmt, ui, quote, link, image or other`);
      else if (ENUMS[k] && !ENUMS[k].test(v)) report(`<${tag.local} ${k}="${v}"> is not a valid value`);
    }
    if (attrs.subState !== undefined && attrs.state === undefined) report(`<${tag.local}> has subState without state`);
    if (attrs.subType !== undefined && attrs.type === undefined) report(`<${tag.local}> has subType without type`);
    switch (tag.local) {
      case 'xliff':
        srcLang = attrs.srcLang ?? '';
        trgLang = attrs.trgLang ?? null;
        break;
      case 'file':
        if (fileIds.has(attrs.id!)) report(`file id ${attrs.id} is not unique`);
        fileIds.add(attrs.id!);
        fileScope = new Set();
        break;
      case 'unit':
      case 'group':
        if (fileScope.has(attrs.id!)) report(`${tag.local} id ${attrs.id} is not unique in its file`);
        fileScope.add(attrs.id!);
        if (tag.local === 'unit') unit = { data: new Set(), refs: [], sourceIds: new Set(), targetIds: [] };
        break;
      case 'data':
        if (unit?.data.has(attrs.id!)) report(`data id ${attrs.id} is not unique in its unit`);
        unit?.data.add(attrs.id!);
        break;
      case 'target':
        hasTarget = true;
        break;
    }
    const lang = tag.attributes['xml:lang'];
    if (lang && tag.local === 'source' && lang.value !== srcLang) report(`<source xml:lang="${lang.value}"> differs from srcLang ${srcLang}`);
    if (lang && tag.local === 'target' && trgLang && lang.value !== trgLang) report(`<target xml:lang="${lang.value}"> differs from trgLang ${trgLang}`);
    if (['ph', 'pc', 'sc', 'ec', 'mrk', 'sm'].includes(tag.local) && attrs.id && unit) {
      if (inside('source')) {
        if (unit.sourceIds.has(attrs.id)) report(`inline id ${attrs.id} is used twice in the unit's source`);
        unit.sourceIds.add(attrs.id);
      } else if (inside('target')) unit.targetIds.push({ id: attrs.id, line: parser.line });
      for (const k of ['dataRef', 'dataRefStart', 'dataRefEnd']) if (attrs[k]) unit.refs.push({ ref: attrs[k], line: parser.line });
    }
  });
  parser.on('text', (text) => {
    const frame = stack.at(-1);
    if (frame && text.trim()) frame.hasText = true;
  });
  parser.on('closetag', () => {
    const frame = stack.pop()!;
    if (!frame.core) return;
    const rule = RULES[frame.name];
    if (!rule) return;
    const seq = frame.children.map((c) => `${c} `).join('');
    if (rule.children && !rule.children.test(seq)) problems.push({ line: frame.line, message: `<${frame.name}> holds ${frame.children.join(', ') || 'nothing'}, which XLIFF 2.0 does not allow there` });
    if (frame.hasText && !rule.text) problems.push({ line: frame.line, message: `<${frame.name}> holds text, which XLIFF 2.0 does not allow there` });
    if (frame.name === 'unit' && unit) {
      for (const r of unit.refs) if (!unit.data.has(r.ref)) problems.push({ line: r.line, message: `dataRef ${r.ref} names no <data> of the unit's <originalData>` });
      // Codes in a target correspond to codes of the source by id (or are new ones a tool added, which must not clash).
      const seen = new Set<string>();
      for (const t of unit.targetIds) {
        if (seen.has(t.id)) problems.push({ line: t.line, message: `inline id ${t.id} is used twice in the unit's target` });
        seen.add(t.id);
      }
      unit = null;
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    problems.push({ line: parser.line, message: `not well-formed: ${(error as Error).message}` });
  }
  if (hasTarget && !trgLang) problems.push({ line: 1, message: 'the document has targets but <xliff> has no trgLang' });
  return problems;
}
