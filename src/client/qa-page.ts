/**
 * The translator pages' one script (one cached file for all of them): each enhancement runs where its
 * markup is. Every page is complete without it; it adds the findings filters and the workbench's pair
 * view, both kept in the URL fragment. No fetch, no module imports at run time: the pages must work
 * opened from disk (file://). Browser only.
 */
import { enhanceFindingsFilters } from './qa-filters.ts';
import { enhanceWorkbench } from './qa-workbench.ts';

enhanceFindingsFilters(document.querySelector<HTMLFormElement>('form[data-qa-filters]'), document.querySelector<HTMLTableElement>('table[data-qa-findings]'));
enhanceWorkbench(document.querySelector<HTMLFormElement>('form[data-qa-pair-form]'), document.querySelector<HTMLTableElement>('table[data-qa-grid]'));
