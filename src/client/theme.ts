/**
 * The theme toggle: a pressed button means dark. The choice overrides the system preference and is
 * remembered (public/theme-init.js applies it before the first paint). Browser only.
 */
const KEY = 'mt-docs-theme';

const isDark = () =>
  document.documentElement.dataset.theme === 'dark' ||
  (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);

export function enhanceThemeToggle(button: HTMLButtonElement | null): void {
  if (!button) return;
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  sync();
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
}
