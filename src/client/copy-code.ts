/**
 * A copy button on each code block of the article, named in the page's language (the words come from
 * the article's data attributes), saying "Copied" for a moment and to screen readers through a status
 * line. Without the Clipboard API (an insecure origin) it selects the code and says so. Browser only.
 */
export function addCopyButtons(article: HTMLElement | null): void {
  if (!article) return;
  const { copy = 'Copy', copied = 'Copied', copyFailed = 'Copy failed' } = article.dataset;
  const status = document.createElement('span');
  status.className = 'visually-hidden copy-status';
  status.setAttribute('role', 'status');
  article.append(status);
  // The builder's blocks have their own copy buttons.
  for (const pre of article.querySelectorAll<HTMLPreElement>('pre')) {
    if (pre.closest('.ua-builder-slot, mde-ua-builder, .code-block')) continue;
    const box = document.createElement('div');
    box.className = 'code-block';
    pre.replaceWith(box);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = copy;
    box.append(pre, button);
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const text = pre.innerText.replace(/\n$/, '');
      let ok = false;
      try {
        await navigator.clipboard.writeText(text);
        ok = true;
      } catch {
        getSelection()?.selectAllChildren(pre);
      }
      button.textContent = ok ? copied : copy;
      status.textContent = ok ? copied : copyFailed;
      clearTimeout(timer);
      timer = setTimeout(() => {
        button.textContent = copy;
        status.textContent = '';
      }, 2000);
    });
  }
}
