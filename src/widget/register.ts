/**
 * Defines `<mde-ua-builder>`: the module a page loads (the doc pages through Astro, other sites as the
 * standalone `/embed/ua-builder/v1/mde-ua-builder.js`). The guard lets both arrive on one page, or one
 * twice, without the second `define` throwing.
 */
import { MdeUaBuilder } from './mde-ua-builder.ts';

if (!customElements.get('mde-ua-builder')) customElements.define('mde-ua-builder', MdeUaBuilder);

export { MdeUaBuilder };
