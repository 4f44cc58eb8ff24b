// Runs before the first paint (a blocking external script, so no inline script is needed under a strict
// Content-Security-Policy): marks that scripts run, so controls that need them take their place without
// shifting the layout, and applies the theme, the original-text choice and the English mode (hidden
// unless the reader chose otherwise) from an earlier visit.
document.documentElement.classList.add('js');
try {
  var theme = localStorage.getItem('mt-docs-theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
  if (localStorage.getItem('mt-docs-original') === 'on') document.documentElement.dataset.original = 'on';
  var english = localStorage.getItem('mt-docs-english');
  document.documentElement.dataset.english = english === 'blocks' || english === 'side' ? english : 'off';
} catch (e) {}
