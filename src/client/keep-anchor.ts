/**
 * Language links follow the reader's place: heading ids are the same in every locale, so the current
 * `#anchor` is carried over (also for middle-click and copy-link, hence the href itself is updated).
 * Browser only.
 */
import { headerBottom, sectionInView } from './reading-position.ts';

export function keepAnchorOnLanguageLinks(links: NodeListOf<HTMLAnchorElement>): void {
  const sync = () => {
    for (const link of links) {
      const url = new URL(link.href);
      url.hash = location.hash;
      link.href = url.href;
    }
  };
  sync();
  addEventListener('hashchange', sync);
  // Where the reader is counts, not only the last #anchor followed: the section heading at the top of
  // the text (just under the sticky header) becomes the anchor.
  const headings = [...document.querySelectorAll<HTMLElement>('article :is(h2, h3)[id]')];
  for (const link of links) {
    link.addEventListener('click', () => {
      const id = sectionInView(headings, headerBottom() + 24);
      if (id) {
        const url = new URL(link.href);
        url.hash = id;
        link.href = url.href;
      }
    });
  }
}
