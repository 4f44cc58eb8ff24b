/**
 * The site's one script (one cached module for every page): each enhancement runs where its markup is
 * present. Every page works without it; it adds the theme toggle, anchor-keeping language links, the
 * page-wide original-text switch, search and the chooser's suggestion. Browser only.
 */
import { keepAnchorOnLanguageLinks } from './keep-anchor.ts';
import { enhanceOriginalTextSwitch } from './original-text.ts';
import { enhanceSearch } from './search.ts';
import { suggestLanguage } from './suggest-language.ts';
import { enhanceThemeToggle } from './theme.ts';

// The table of contents starts open where there is room for it beside the text.
const toc = document.querySelector<HTMLDetailsElement>('.toc details');
if (toc && matchMedia('(min-width: 64rem)').matches) toc.open = true;

enhanceThemeToggle(document.querySelector<HTMLButtonElement>('.theme-toggle'));
keepAnchorOnLanguageLinks(document.querySelectorAll<HTMLAnchorElement>('a[data-keep-anchor]'));
enhanceOriginalTextSwitch(document.querySelector<HTMLAnchorElement>('a.original-switch'), document.querySelector('article'));
enhanceSearch(document.querySelector<HTMLButtonElement>('.search-open'), document.querySelector<HTMLDialogElement>('.search-dialog'));
const chooser = document.querySelectorAll<HTMLAnchorElement>('.chooser a[hreflang]');
if (chooser.length > 0) suggestLanguage(chooser, document.querySelector('.chooser-suggestion'));
