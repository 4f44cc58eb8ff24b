/**
 * The few localised words the pipeline itself writes into a page (a notice for a missing include, a
 * label for a link whose text MT lost). Passed in by the caller from the UI strings, so the pipeline
 * stays pure and has one English default.
 */
import type { AlertKind } from './docfx-alerts.ts';

export interface PipelineStrings {
  includeMissing: (label: string, path: string) => string;
  untitledLink: string;
  /** Before the link that a DocFX `[!VIDEO …]` becomes. */
  video: string;
  /** What starts a DocFX moniker range's content. */
  moniker: (range: string) => string;
  /** Alert titles, for an alert marker where only inline text can be (a table cell). */
  alerts?: Record<AlertKind, string>;
}

export const ENGLISH_STRINGS: PipelineStrings = {
  includeMissing: (label, path) => `Shared content “${label}” (${path}) is not available on this site.`,
  untitledLink: 'link',
  video: 'Video:',
  moniker: (range) => `For ${range}:`,
  alerts: { note: 'Note', tip: 'Tip', important: 'Important', caution: 'Caution', warning: 'Warning' },
};
