/**
 * The workbench's pair view: the aligned grid narrowed to any two of its columns (a locale against
 * English, or two locales), in the order picked, with what differs between the two named on every row
 * and counted. Kept in the URL fragment (`#a=en&b=fr-FR`, `&other=hidden` to hide the second column,
 * `&cell=<cell id>` to land on a cell), so a pair and a cell can be linked, bookmarked and opened from
 * disk. Without a script the grid shows every column. Browser only.
 */
import { onState, readState, writeState } from './qa-fragment.ts';

/** Invariant kinds on which two cells' signatures (`0.1.0.0.0.0`, see markup.ts) differ. */
export function differingKinds(a: string | undefined, b: string | undefined, kinds: readonly string[]): string[] {
  if (!a || !b) return [];
  const x = a.split('.');
  const y = b.split('.');
  return kinds.filter((_, i) => x[i] !== y[i]);
}

export function enhanceWorkbench(form: HTMLFormElement | null, table: HTMLTableElement | null): void {
  if (!form || !table) return;
  const selectA = form.elements.namedItem('a') as HTMLSelectElement;
  const selectB = form.elements.namedItem('b') as HTMLSelectElement;
  const swap = form.querySelector<HTMLButtonElement>('[data-qa-swap]')!;
  const other = form.querySelector<HTMLButtonElement>('[data-qa-other]')!;
  const status = form.querySelector<HTMLElement>('.qa-shown');
  const kindList = form.querySelector<HTMLElement>('[data-qa-kinds]');
  const kinds = [...(kindList?.querySelectorAll<HTMLElement>('[data-kind]') ?? [])];
  const kindNames = kinds.map((k) => k.dataset.kind!);
  const kindLabels = new Map(kinds.map((k) => [k.dataset.kind!, k.textContent ?? k.dataset.kind!]));
  const rows = [...table.rows];
  const columns = [...(table.tHead?.rows[0]?.querySelectorAll<HTMLElement>('[data-col]') ?? [])].map((th) => th.dataset.col!);
  const valid = (v: string | undefined) => (v && columns.includes(v) ? v : '');
  let otherHidden = false;

  const cellsOf = (row: HTMLTableRowElement) => new Map([...row.cells].filter((c) => c.dataset.col).map((c) => [c.dataset.col!, c]));

  const apply = (state: Map<string, string>) => {
    const a = valid(state.get('a'));
    const b = valid(state.get('b'));
    selectA.value = a;
    selectB.value = b;
    const picked = [...new Set([a, b].filter(Boolean))];
    const pair = picked.length === 2;
    otherHidden = pair && state.get('other') === 'hidden';
    const order = picked.length > 0 ? [...picked, ...columns.filter((c) => !picked.includes(c))] : columns;
    const shown = new Set(picked.length > 0 ? (otherHidden ? [a] : picked) : columns);
    let compared = 0;
    let differing = 0;
    for (const row of rows) {
      const cells = cellsOf(row);
      // Cells follow the picked order, so reading and focus order follow what is seen.
      for (const code of order) {
        const cell = cells.get(code);
        if (cell) row.append(cell);
      }
      for (const [code, cell] of cells) cell.hidden = !shown.has(code);
      const badge = row.querySelector<HTMLElement>('[data-qa-differs]');
      if (!badge) continue;
      const ca = cells.get(a);
      const cb = cells.get(b);
      const present = pair && (!ca?.classList.contains('qa-cell-missing') || !cb?.classList.contains('qa-cell-missing'));
      const differs = pair ? differingKinds(ca?.dataset.inv, cb?.dataset.inv, kindNames) : [];
      if (present) compared += 1;
      if (differs.length > 0) differing += 1;
      badge.hidden = differs.length === 0;
      badge.textContent = differs.length === 0 ? '' : (kindList?.dataset.template ?? '{kinds}').replace('{kinds}', differs.map((k) => kindLabels.get(k)).join(', '));
      row.hidden = pair && !present;
    }
    table.classList.toggle('qa-grid-pair', pair && !otherHidden);
    table.classList.toggle('qa-grid-one', shown.size === 1);
    swap.disabled = !pair;
    other.disabled = !pair;
    other.setAttribute('aria-pressed', String(pair && !otherHidden));
    other.textContent = (other.dataset.template ?? '{locale}').replace('{locale}', selectB.selectedOptions[0]?.textContent ?? b);
    if (status) status.textContent = pair ? (status.dataset.template ?? '').replace('{rows}', String(compared)).replace('{differing}', String(differing)) : '';
    const target = state.get('cell') ? document.getElementById(state.get('cell')!) : null;
    if (target && !target.hidden) land(target);
  };

  const land = (el: HTMLElement) => {
    for (const old of table.querySelectorAll('.qa-target')) old.classList.remove('qa-target');
    el.classList.add('qa-target');
    el.tabIndex = -1;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
  };

  const current = () => readState() ?? new Map<string, string>();
  const save = (changes: Record<string, string | null>) => {
    const next = { ...Object.fromEntries(current()), ...changes };
    if (!next.a || !next.b) next.other = null;
    writeState(next);
    apply(new Map(Object.entries(next).filter((e): e is [string, string] => !!e[1])));
  };

  form.addEventListener('change', () => save({ a: selectA.value || null, b: selectB.value || null, cell: null }));
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('reset', () => setTimeout(() => save({ a: null, b: null, other: null, cell: null })));
  swap.addEventListener('click', () => save({ a: selectB.value || null, b: selectA.value || null }));
  other.addEventListener('click', () => save({ other: otherHidden ? null : 'hidden' }));
  // A link to an element (a finding's cell) whose column the pair hides shows every column again.
  const reveal = () => {
    if (readState() !== null) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.closest('[hidden]') && table.contains(target)) {
      apply(new Map());
      target.scrollIntoView({ block: 'center' });
    }
  };
  addEventListener('hashchange', reveal);
  onState(apply);
}
