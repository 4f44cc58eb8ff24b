/**
 * The one diagnostic line every command prints, as editors' and CI's problem matchers read it.
 */
import { describe, expect, it } from 'vitest';
import { diagnosticLine } from '../../../src/pipeline/diagnostics.ts';

describe('diagnosticLine', () => {
  it('is file:line:column: severity: message [rule-id], a multi-line message on one line', () => {
    expect(diagnosticLine('docs/a b.md', { line: 3, column: 14, severity: 'warning', reason: 'link text\nis empty', ruleId: 'link-empty-text' })).toBe(
      'docs/a b.md:3:14: warning: link text is empty [link-empty-text]',
    );
  });

  it('names the English side of a span-wrapped file by its real path, and says the side in the message', () => {
    const line = diagnosticLine('content/source/x/ko-KR.md (English side)', { line: 42, column: 1, severity: 'warning', reason: 'English segment 115 is flagged', ruleId: 'source.hotspot' });
    expect(line).toBe('content/source/x/ko-KR.md:42:1: warning: English side: English segment 115 is flagged [source.hotspot]');
    expect(line).toMatch(/^[^:\s]+\.md:\d+:\d+: /);
  });
});
