/** postMessage protocol v1 as data: only well-formed messages of known types get through. */
import { describe, expect, it } from 'vitest';
import { envelope, readConfig, readHostMessage } from '../../../src/widget/embed-protocol.ts';

describe('readHostMessage', () => {
  it('reads init, setConfig and getState', () => {
    expect(readHostMessage({ mdeUa: { v: 1, type: 'init' } })).toEqual({ type: 'init', config: {} });
    expect(readHostMessage({ mdeUa: { v: 1, type: 'setConfig', config: { lang: 'ja', company: 'Contoso' } } })).toEqual({
      type: 'setConfig',
      config: { lang: 'ja', company: 'Contoso' },
    });
    expect(readHostMessage({ mdeUa: { v: 1, type: 'getState', requestId: 'r1' } })).toEqual({ type: 'getState', requestId: 'r1' });
    expect(readHostMessage({ mdeUa: { v: 1, type: 'getState', requestId: 7 } })).toEqual({ type: 'getState', requestId: 7 });
  });

  it.each([
    ['not an object', 'init'],
    ['null', null],
    ['no envelope', { type: 'init' }],
    ['another version', { mdeUa: { v: 2, type: 'init' } }],
    ['a version as text', { mdeUa: { v: '1', type: 'init' } }],
    ['an unknown type', { mdeUa: { v: 1, type: 'eval' } }],
    ['a type the iframe sends, not receives', { mdeUa: { v: 1, type: 'change' } }],
    ['a config that is not an object', { mdeUa: { v: 1, type: 'setConfig', config: 'lang=ja' } }],
    ['a config that is an array', { mdeUa: { v: 1, type: 'setConfig', config: ['ja'] } }],
    ['getState without requestId', { mdeUa: { v: 1, type: 'getState' } }],
    ['getState with an object as requestId', { mdeUa: { v: 1, type: 'getState', requestId: {} } }],
    ['getState with a huge requestId', { mdeUa: { v: 1, type: 'getState', requestId: 'x'.repeat(101) } }],
  ])('ignores %s', (_, data) => {
    expect(readHostMessage(data)).toBeNull();
  });

  it('keeps only known keys with short string values', () => {
    expect(
      readConfig({ company: 'Contoso', product: 42, version: 'x'.repeat(257), onclick: 'alert(1)', snippets: '', theme: 'dark' }),
    ).toEqual({ company: 'Contoso', snippets: '', theme: 'dark' });
  });
});

describe('envelope', () => {
  it('wraps data as { mdeUa: { v: 1, type, ... } }, and data cannot change v or type', () => {
    expect(envelope('resize', { height: 10 })).toEqual({ mdeUa: { v: 1, type: 'resize', height: 10 } });
    expect(envelope('ready', { v: 2, type: 'state' })).toEqual({ mdeUa: { v: 1, type: 'ready' } });
  });
});
