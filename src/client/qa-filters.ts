/**
 * The findings panel's filters: check, severity, locale, revision group, and whether suppressed findings
 * are listed. Rows are precomputed at build time; this only hides those that do not match, says how
 * many are shown, and keeps the filter in the URL fragment. Browser only.
 */
import { onState, writeState } from './qa-fragment.ts';

const KEYS = ['check', 'severity', 'locale', 'group'] as const;

export function enhanceFindingsFilters(form: HTMLFormElement | null, table: HTMLTableElement | null): void {
  if (!form || !table) return;
  const rows = [...table.tBodies[0]!.rows];
  const status = form.querySelector<HTMLElement>('.qa-shown');
  const template = status?.dataset.template ?? '{shown} / {total}';
  const select = (k: string) => form.elements.namedItem(k) as HTMLSelectElement | null;
  const suppressed = form.elements.namedItem('suppressed') as HTMLInputElement | null;

  const apply = () => {
    const wanted = KEYS.map((k) => [k, select(k)?.value ?? ''] as const);
    let shown = 0;
    for (const row of rows) {
      const match = wanted.every(([k, v]) => v === '' || row.dataset[k] === v) && (suppressed?.checked || row.dataset.suppressed !== '1');
      row.hidden = !match;
      if (match) shown += 1;
    }
    if (status) status.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
  };

  const fromState = (state: Map<string, string>) => {
    for (const k of KEYS) {
      const el = select(k);
      if (!el) continue;
      const v = state.get(k) ?? '';
      // A value the page does not offer (an old link) is ignored rather than hiding everything.
      el.value = [...el.options].some((o) => o.value === v) ? v : '';
    }
    if (suppressed) suppressed.checked = state.get('suppressed') === '1';
    apply();
  };

  const toState = () => {
    writeState({ ...Object.fromEntries(KEYS.map((k) => [k, select(k)?.value])), suppressed: suppressed?.checked ? '1' : null });
    apply();
  };

  form.addEventListener('change', toState);
  form.addEventListener('submit', (e) => e.preventDefault());
  // The reset event comes before the controls are reset.
  form.addEventListener('reset', () => setTimeout(toState));
  onState(fromState);
}
