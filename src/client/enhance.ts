/**
 * The site's one script (one cached module for every page): each enhancement runs where its markup is
 * present. Every page works without it; it adds the theme toggle, the reading position (header height,
 * the section in view in "On this page"), copy buttons on code, anchor-keeping language links, the
 * page-wide original-text switch, search (and its / and Ctrl+K keys) and the chooser's suggestion.
 * Browser only.
 */
import { addCopyButtons } from './copy-code.ts';
import { enhanceEnglishMode } from './english-mode.ts';
import { keepAnchorOnLanguageLinks } from './keep-anchor.ts';
import { enhanceOriginalTextSwitch } from './original-text.ts';
import { followReadingPosition } from './reading-position.ts';
import { enhanceSearch } from './search.ts';
import { suggestLanguage } from './suggest-language.ts';
import { enhanceThemeToggle } from './theme.ts';

enhanceThemeToggle(document.querySelector<HTMLButtonElement>('.theme-toggle'));
followReadingPosition(document.querySelector('.site-header'), document.querySelector('.toc'));
addCopyButtons(document.querySelector<HTMLElement>('article[data-copy]'));
keepAnchorOnLanguageLinks(document.querySelectorAll<HTMLAnchorElement>('a[data-keep-anchor]'));
enhanceOriginalTextSwitch(document.querySelector<HTMLButtonElement>('button.original-switch'), document.querySelector('article'));
enhanceEnglishMode(document.querySelector<HTMLFieldSetElement>('fieldset.english-mode'), document.querySelector('article'));
enhanceSearch(document.querySelector<HTMLButtonElement>('.search-open'), document.querySelector<HTMLDialogElement>('.search-dialog'));
const chooser = document.querySelectorAll<HTMLAnchorElement>('.chooser a[hreflang]');
if (chooser.length > 0) suggestLanguage(chooser, document.querySelector('.chooser-suggestion'));
