/**
 * Language links follow the reader's place: heading ids are the same in every locale, so the current
 * `#anchor` is carried over (also for middle-click and copy-link, hence the href itself is updated).
 * Browser only.
 */
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
  // Scrolling past a heading counts too: the nearest heading above the viewport top becomes the anchor.
  const headings = [...document.querySelectorAll<HTMLElement>('article h2[id], article h3[id]')];
  for (const link of links) {
    link.addEventListener('click', () => {
      if (location.hash) return;
      const above = headings.filter((h) => h.getBoundingClientRect().top <= 80).pop();
      if (above) {
        const url = new URL(link.href);
        url.hash = above.id;
        link.href = url.href;
      }
    });
  }
}
