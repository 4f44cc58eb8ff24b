// Applies a theme the reader chose on an earlier visit before the first paint (a blocking external
// script, so the page needs no inline script under its Content-Security-Policy).
try {
  var theme = localStorage.getItem('mt-docs-theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  if (localStorage.getItem('mt-docs-original') === 'on') document.documentElement.dataset.original = 'on';
} catch (e) {}
