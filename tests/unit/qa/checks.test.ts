/**
 * Every check with cases that must fire and cases that must not (the spec's examples at least), on
 * small pages built in several locales. A span-wrapped fr-FR page gives the English for the others.
 */
import { describe, expect, it } from 'vitest';
import { glossary, of, P, page, qa } from './helpers.ts';

const H = (id: string, text: string, n = 100) => `## <a name="${id}"></a>${P(n, text, text)}`;
const fr = (body: string, meta = {}) => page('fr-FR', body, meta);

describe('meta.revision', () => {
  it('groups locales by source revision and flags every older group as stale', () => {
    const r = qa([
      fr(`${P(1, 'Bonjour.', 'Hello.')}\n`),
      page('de-DE', 'Hallo.\n'),
      page('ja-JP', 'こんにちは。\n', { commit: 'eb8c600d3298dca1940259998de61621e6505e69', handoff: '11/24/2021' }),
    ]);
    expect(of(r, 'meta.revision').map((f) => f.locale).sort()).toEqual(['de-DE', 'fr-FR']);
    expect(r.locales.find((l) => l.locale === 'ja-JP')).toMatchObject({ group: 1, stale: false });
    expect(r.locales.find((l) => l.locale === 'de-DE')).toMatchObject({ group: 2, stale: true });
  });
  it('does not fire when every locale shares the revision', () => {
    expect(of(qa([fr(`${P(1, 'Bonjour.', 'Hello.')}\n`), page('de-DE', 'Hallo.\n')]), 'meta.revision')).toEqual([]);
  });
});

describe('meta.key-drift', () => {
  it('reports keys not every locale has', () => {
    const file = fr(`${P(1, 'A.', 'A.')}\n`, { extra: 'search.appverid: met150\n' });
    const r = qa([file, page('de-DE', 'A.\n'), page('es-ES', 'A.\n')]);
    // One finding, on the line of the key (the majority has no such key), none for the others.
    const drift = of(r, 'meta.key-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ locale: 'fr-FR', column: 1 });
    expect(drift[0]!.message).toContain('search.appverid');
    expect(file.split('\n')[drift[0]!.line - 1]).toMatch(/^search\.appverid:/);
  });
  it('is silent on identical key sets', () => {
    expect(of(qa([fr(`${P(1, 'A.', 'A.')}\n`), page('de-DE', 'A.\n')]), 'meta.key-drift')).toEqual([]);
  });
});

describe('meta.untranslated-field', () => {
  it('flags a title left in English', () => {
    const r = qa([fr(`# <a name="t"></a>${P(1, 'Devenir partenaire', 'Become a partner')}\n`), page('de-DE', '# <a name="t"></a>Become a partner\n', { title: 'Become a partner' })]);
    expect(of(r, 'meta.untranslated-field', 'de-DE')).toHaveLength(1);
    expect(of(r, 'meta.untranslated-field', 'fr-FR')).toEqual([]);
  });
});

describe('struct.skeleton', () => {
  const en = fr(`${H('s', 'Étape')}\n\n1. ${P(2, 'Un', 'One')}\n2. ${P(3, 'Deux', 'Two')}\n`);
  it('reports a section shaped differently (a list item lost)', () => {
    const r = qa([en, page('de-DE', '## <a name="s"></a>Schritt\n\n1. Eins\n')]);
    expect(of(r, 'struct.skeleton', 'de-DE')[0]).toMatchObject({ severity: 'warning', anchor: 's' });
  });
  it('labels it revision-driven (info) for a locale translated from another revision', () => {
    const r = qa([en, page('de-DE', '## <a name="s"></a>Schritt\n\n1. Eins\n', { commit: 'eb8c600d3298dca1940259998de61621e6505e69' })]);
    expect(of(r, 'struct.skeleton', 'de-DE')[0]).toMatchObject({ severity: 'info', revisionDriven: true });
  });
  it('is silent when the shapes match', () => {
    expect(of(qa([en, page('de-DE', '## <a name="s"></a>Schritt\n\n1. Eins\n2. Zwei\n')]), 'struct.skeleton')).toEqual([]);
  });
});

describe('struct.code-parity', () => {
  it('is an error when a code payload differs, an info when only inline and fenced swap', () => {
    const en = fr(`${H('s', 'Étape')}\n\n${P(2, 'Par exemple `MdePartner-A-B/1.0`', 'For example `MdePartner-A-B/1.0`')}\n`);
    const changed = qa([en, page('de-DE', '## <a name="s"></a>Schritt\n\nZum Beispiel `MdePartner-A-B/2.0`\n')]);
    expect(of(changed, 'struct.code-parity', 'de-DE')[0]?.severity).toBe('error');
    const fenced = qa([en, page('de-DE', '## <a name="s"></a>Schritt\n\nZum Beispiel\n\n```http\nMdePartner-A-B/1.0\n```\n')]);
    expect(of(fenced, 'struct.code-parity', 'de-DE').map((f) => f.severity)).toEqual(['info']);
  });
  it('is silent on the same code', () => {
    const r = qa([fr(`${P(2, 'Voir `x`', 'See `x`')}\n`), page('de-DE', 'Siehe `x`\n')]);
    expect(of(r, 'struct.code-parity')).toEqual([]);
  });
});

describe('link.url-parity', () => {
  it('flags a link that points elsewhere than the English, and one URL with several texts', () => {
    const r = qa([fr(`${P(2, 'Voir [ici](https://a.example/x).', 'See [here](https://a.example/x).')}\n\n${P(3, 'Et [là](https://a.example/x).', 'And [here](https://a.example/x).')}\n`), page('de-DE', 'Siehe [hier](https://b.example/y).\n\nUnd [hier](https://a.example/x).\n')]);
    expect(of(r, 'link.url-parity', 'de-DE').map((f) => f.severity)).toEqual(['warning']);
    expect(of(r, 'link.url-parity', 'fr-FR').map((f) => f.message)).toEqual([expect.stringContaining('2 different texts')]);
  });
  it('treats locale folders of the same page as the same URL', () => {
    const r = qa([fr(`${P(2, 'Voir [ici](https://learn.microsoft.com/fr-fr/a).', 'See [here](https://learn.microsoft.com/en-us/a).')}\n`)]);
    expect(of(r, 'link.url-parity')).toEqual([]);
  });
});

describe('link.empty-text', () => {
  it('finds [](url) in the translation, with its line', () => {
    const r = qa([fr(`${P(2, 'Voir la [page](https://a.example/p).', 'See the [page](https://a.example/p).')}\n`), page('de-DE', 'Intro.\n\nSiehe die [](https://a.example/p) Seite.\n')]);
    expect(of(r, 'link.empty-text', 'de-DE')).toMatchObject([{ severity: 'error', line: 12 }]);
  });
  it('ignores images, code and the English side of the pairs', () => {
    const r = qa([fr(`${P(2, 'Voir ![](https://a.example/i.png) et `[](x)`.', 'See [](https://a.example/e) here.')}\n`)]);
    expect(of(r, 'link.empty-text')).toEqual([]);
  });
});

describe('link.nested', () => {
  it('finds a bracket group holding a link, and `] (`', () => {
    const r = qa([fr(`${P(2, 'Texte.', 'Text.')}\n`), page('ja-JP', 'センターの [パートナー アプリケーション[](https://a.example/p)] ページ\n\n[リンク] (https://a.example/q)\n')]);
    expect(of(r, 'link.nested', 'ja-JP')).toHaveLength(2);
  });
  it('does not take an include for a nested link', () => {
    const r = qa([fr(`[!INCLUDE [Microsoft 365 Defender rebranding](../../includes/microsoft-defender.md)]\n\n${P(2, 'Texte.', 'Text.')}\n`)]);
    expect(of(r, 'link.nested')).toEqual([]);
  });
});

describe('link.scope', () => {
  it('flags a link text that took in the sentence end, or starts with punctuation', () => {
    const r = qa([fr(`${P(2, 'Pour plus d’informations, [voir la section RFC 2616-14.43.](https://a.example/r)', 'For more information, see [RFC 2616 section-14.43](https://a.example/r).')}\n\n${P(3, 'Voir [, la page](https://a.example/s).', 'See [the page](https://a.example/s).')}\n`)]);
    const messages = of(r, 'link.scope').map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('takes in the end of the sentence'), expect.stringContaining('starts with punctuation')]));
  });
  it('is silent when the link keeps its scope', () => {
    expect(of(qa([fr(`${P(2, 'Voir [la page](https://a.example/s).', 'See [the page](https://a.example/s).')}\n`)]), 'link.scope')).toEqual([]);
  });
});

describe('markup.emphasis', () => {
  it('flags lost emphasis (error) and emphasis shrunk to a small word (warning)', () => {
    const r = qa([fr(`${P(2, 'Utilisez l’option Recommander.', 'Use the **Recommend a partner** option.')}\n\n${P(3, 'Choisissez **un** partenaire.', 'Choose **a good partner**.')}\n`)]);
    expect(of(r, 'markup.emphasis').map((f) => f.severity).sort()).toEqual(['error', 'warning']);
  });
  it('is silent when emphasis matches', () => {
    expect(of(qa([fr(`${P(2, 'Utilisez **Recommander un partenaire**.', 'Use **Recommend a partner**.')}\n`)]), 'markup.emphasis')).toEqual([]);
  });
});

describe('inv.numbers', () => {
  it('flags a changed number', () => {
    expect(of(qa([fr(`${P(2, 'Attendez au moins 7 jours.', 'Wait for at least 10 days.')}\n`)]), 'inv.numbers')[0]?.message).toContain('10');
  });
  it('splits on a hyphen between digits, ignores URLs and code', () => {
    const r = qa([fr(`${P(2, 'Voir [RFC 2616-14.43](https://a.example/2616#14) et `v3`.', 'See [RFC 2616 section-14.43](https://a.example/9999) and `v4`.')}\n`)]);
    expect(of(r, 'inv.numbers')).toEqual([]);
  });
});

describe('inv.alnum-identifiers', () => {
  it('flags a lost identifier, and a case-only change as info', () => {
    const r = qa([fr(`${P(2, 'Voir RFC 2616-14.43.', 'See RFC 2616 section-14.43.')}\n`), page('de-DE', 'Siehe RFC 2616 Section-14.43.\n')]);
    expect(of(r, 'inv.alnum-identifiers', 'fr-FR')[0]?.severity).toBe('warning');
    expect(of(r, 'inv.alnum-identifiers', 'de-DE')[0]?.severity).toBe('info');
  });
  it('does not count 15-word (translated)', () => {
    expect(of(qa([fr(`${P(2, 'Une description de 15 mots.', 'A 15-word description.')}\n`)]), 'inv.alnum-identifiers')).toEqual([]);
  });
});

describe('term.dnt-count', () => {
  it('flags a do-not-translate term that went missing, and one duplicated', () => {
    const r = qa([fr(`${P(2, 'Incluez l’agent utilisateur.', 'Include the User-Agent field.')}\n\n${P(3, 'User-Agent, User-Agent.', 'The User-Agent.')}\n`)]);
    expect(of(r, 'term.dnt-count').map((f) => f.message)).toEqual([expect.stringContaining('missing or translated'), expect.stringContaining('duplicated')]);
  });
  it('does not fire for an NBSP inside a product name (fr segment 107) or for API vs APIs', () => {
    const r = qa([fr(`- [${P(107, 'Microsoft\u00a0365\u00a0Defender', 'Microsoft 365 Defender')}](https://a.example)\n\n${P(3, 'les API de sécurité Graph', 'the Graph Security APIs')}\n`)]);
    expect(of(r, 'term.dnt-count')).toEqual([]);
  });
  it('matches terms glued to Korean particles (no \\b)', () => {
    expect(of(qa([page('ko-KR', `${P(2, 'API에 User-Agent를 포함합니다.', 'Include the User-Agent in each API call.')}\n`)]), 'term.dnt-count')).toEqual([]);
  });
});

describe('term.case', () => {
  it('flags a glossary term in the wrong case', () => {
    const r = qa([fr(`${P(2, 'Texte.', 'Text.')}\n`), page('de-DE', 'Wenn Sie einen azure AD-Ansatz verwenden.\n')]);
    expect(of(r, 'term.case', 'de-DE')[0]?.message).toContain('“azure AD” should be written “Azure AD”');
  });
  it('ignores URLs', () => {
    expect(of(qa([fr(`${P(2, 'Voir [ici](https://graph.example/api).', 'See [here](https://graph.example/api).')}\n`)]), 'term.case')).toEqual([]);
  });
});

describe('term.consistency', () => {
  it('counts the different renderings of a concept in one file', () => {
    const r = qa([fr(`${P(2, 'Microsoft Defender pour Endpoint et Microsoft Defender pour le point de terminaison.', 'Microsoft Defender for Endpoint twice.')}\n`)]);
    // One finding per rendering outside the file's own (here: the most used, or the first of a tie).
    const found = of(r, 'term.consistency', 'fr-FR');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('2 ways in this file');
  });
  it('counts the allowed renderings as one', () => {
    const r = qa([fr(`${P(2, 'Microsoft Defender pour point de terminaison et Defender pour point de terminaison.', 'Microsoft Defender for Endpoint and Defender for Endpoint.')}\n`)]);
    expect(of(r, 'term.consistency')).toEqual([]);
  });
});

describe('term.dropped', () => {
  it('flags a concept that lost a component', () => {
    const r = qa([fr(`${P(2, 'Microsoft Defender pour l’ensemble public.', 'Microsoft Defender for Endpoint public set.')}\n`)]);
    expect(of(r, 'term.dropped')[0]?.message).toContain('no Endpoint');
  });
  it('accepts any rendering of the component', () => {
    expect(of(qa([page('ko-KR', `${P(2, '엔드포인트용 Microsoft Defender 팀', 'the Microsoft Defender for Endpoint team')}\n`)]), 'term.dropped')).toEqual([]);
  });
});

describe('term.deprecated', () => {
  it('flags a deprecated name in the description and the text, once for the longer name', () => {
    const r = qa([fr(`${P(2, 'Intégrez Microsoft Defender ATP.', 'Integrate Microsoft Defender ATP.')}\n`, { description: 'Intégrer à Microsoft Defender ATP' })]);
    expect(of(r, 'term.deprecated').map((f) => f.message)).toEqual([expect.stringContaining('description'), expect.stringContaining('deprecated name “Microsoft Defender ATP”')]);
  });
  it('ignores URLs', () => {
    expect(of(qa([fr(`${P(2, '[Essai](https://www.microsoft.com/microsoft-defender-atp)', '[Trial](https://www.microsoft.com/microsoft-defender-atp)')}\n`)]), 'term.deprecated')).toEqual([]);
  });
});

describe('untranslated', () => {
  it('flags a segment left in English, and English words in a CJK translation', () => {
    const r = qa([fr(`${P(2, 'Follow these steps:', 'Follow these steps:')}\n`), page('ja-JP', `${P(3, 'Developer ライセンスを購入します。', 'Buy a Developer license.')}\n`, { commit: '956176ed7c8b8427fdc655abcd1709d86da9447e' })]);
    expect(of(r, 'untranslated').map((f) => f.locale).sort()).toEqual(['fr-FR', 'ja-JP']);
  });
  it('accepts a segment that is only protected terms', () => {
    expect(of(qa([fr(`- [${P(2, 'Microsoft 365 Defender', 'Microsoft 365 Defender')}](https://a.example)\n`)]), 'untranslated')).toEqual([]);
  });
});

describe('punct.end', () => {
  it('flags a lost end mark; full- and half-width marks are equal; ja may end a colon with 。', () => {
    const r = qa([fr(`${P(2, 'Procédez comme suit', 'Follow these steps:')}\n`), page('ja-JP', `${P(3, '次の手順を実行します。', 'Follow these steps:')}\n\n${P(4, '終わり．', 'The end.')}\n`)]);
    expect(of(r, 'punct.end').map((f) => f.locale)).toEqual(['fr-FR']);
  });
});

describe('punct.truncated', () => {
  it('flags a block cut off mid-word where the other locales end their sentence', () => {
    const body = (s: string) => `${H('s', 'X')}\n\n${s}\n`;
    const r = qa([
      fr(body(P(2, 'Nous vous dirigeons vers l’intégration en tant que partenaire.', 'We will direct you to be included as a partner.'))),
      page('de-DE', body('Wir werden Sie an die Microsoft Intelligent Security Association als Partner weiterver-')),
      page('es-ES', body('Le indicaremos que se incluya como partner en la asociación.')),
    ]);
    expect(of(r, 'punct.truncated')).toMatchObject([{ locale: 'de-DE', severity: 'error' }]);
  });
  it('is silent on short blocks and where others do not end either', () => {
    const r = qa([fr(`${P(2, 'Voir aussi', 'Related topics')}\n`), page('de-DE', 'Verwandte Themen\n')]);
    expect(of(r, 'punct.truncated')).toEqual([]);
  });
});

describe('sentence.count', () => {
  it('flags merged sentences', () => {
    expect(of(qa([fr(`${P(2, 'Une phrase et une autre.', 'One sentence. Another one.')}\n`)]), 'sentence.count')).toHaveLength(1);
  });
  it('does not count versions or decimals as sentences', () => {
    expect(of(qa([fr(`${P(2, 'Version 1.0.0 ou 2.5.', 'Version 1.0.0 or 2.5.')}\n`)]), 'sentence.count')).toEqual([]);
  });
});

describe('ws.segment', () => {
  it('flags a double space the English does not have, and changed edge spaces', () => {
    const r = qa([fr(`${P(2, 'Elle consiste  à faire.', 'It is to have.')} ${P(3, 'Fin. ', 'End.')}\n`)]);
    expect(of(r, 'ws.segment').map((f) => f.message)).toEqual([expect.stringContaining('two or more spaces'), expect.stringContaining('edge spaces differ')]);
  });
  it('does not fire on the `5.  ` list marker', () => {
    const r = qa([fr(`5.  ${P(128, 'Si vous utilisez Azure AD.', 'If you use Azure AD.')}\n`), page('de-DE', '5.  Wenn Sie Azure AD verwenden.\n')]);
    expect(of(r, 'ws.segment')).toEqual([]);
  });
});

describe('ws.cjk', () => {
  it('flags Latin glued to Japanese, spaces at Japanese punctuation, katakana + space + particle', () => {
    const r = qa([page('ja-JP', `${P(2, 'マルチテナント の方法を使用Azure AD、 アプリケーション。', 'Use a multi-tenant Azure AD approach.')}\n`)]);
    expect(of(r, 'ws.cjk').map((f) => f.severity).sort()).toEqual(['info', 'warning', 'warning']);
  });
  it("goes by the file's own convention for Latin text next to Japanese", () => {
    const spaced = ['Azure AD の名前。', 'HTTP の要求。', 'API を呼ぶ。', 'User-Agent を設定。'].map((t, i) => P(i + 2, t, 'Text.')).join('\n\n');
    const r = qa([page('ja-JP', `${spaced}\n\n${P(9, '各HTTP 要求。', 'Each HTTP request.')}\n`)]);
    const found = of(r, 'ws.cjk');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', segment: 'ab12c-9' });
    expect(found[0]!.message).toContain('where this file writes one');
  });
  it('is silent on well-spaced Japanese', () => {
    expect(of(qa([page('ja-JP', `${P(2, 'Azure AD アプリケーション名が必要です。', 'The Azure AD application name is needed.')}\n`)]), 'ws.cjk')).toEqual([]);
  });
});

describe('fr.punct-spacing', () => {
  it('requires a space before ; : ? !', () => {
    expect(of(qa([fr(`${P(2, 'Vous souhaitez essayer? Voici:', 'Want to try? Here:')}\n`)]), 'fr.punct-spacing')[0]?.message).toContain('essayer?');
  });
  it('accepts NBSP, narrow NBSP and URLs', () => {
    expect(of(qa([fr(`${P(2, 'Essayer\u202f? Voici\u00a0: [lien](https://a.example).', 'Try? Here: [link](https://a.example).')}\n`)]), 'fr.punct-spacing')).toEqual([]);
  });
  const mixed = fr(`${P(2, 'Voici\u00a0: un.', 'Here: one.')}\n\n${P(3, 'Essayer ? Deux.', 'Try? Two.')}\n\n${P(4, 'Trois\u00a0!', 'Three!')}\n`);
  it('flags each breaking space in a file that uses no-break ones elsewhere, at the space', () => {
    const found = of(qa([mixed]), 'fr.punct-spacing');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', segment: 'ab12c-3' });
    const line = mixed.split('\n')[found[0]!.line - 1]!;
    expect(line.slice(found[0]!.column - 1)).toMatch(/^ \? Deux/);
  });
  it('is silent on a file that uses U+0020 throughout, unless the house style asks for no-break spaces', () => {
    const plain = fr(`${P(2, 'Voici : un.', 'Here: one.')}\n\n${P(3, 'Essayer ? Deux.', 'Try? Two.')}\n`);
    expect(of(qa([plain]), 'fr.punct-spacing')).toEqual([]);
    expect(of(qa([plain], [], { ...glossary, frenchSpaces: 'no-break' }), 'fr.punct-spacing')).toHaveLength(2);
  });
});

describe('positions', () => {
  it('points at the offending text: an empty link at its bracket, a key finding at its key', () => {
    const text = page('de-DE', 'Siehe die [](https://a.example/p) Seite.\n', { description: 'Mit Microsoft Defender ATP arbeiten' });
    const r = qa([text]);
    const lines = text.split('\n');
    const empty = of(r, 'link.empty-text')[0]!;
    expect(lines[empty.line - 1]!.slice(empty.column - 1)).toMatch(/^\[\]\(https/);
    const deprecated = of(r, 'term.deprecated')[0]!;
    expect(lines[deprecated.line - 1]!.slice(deprecated.column - 1)).toMatch(/^Microsoft Defender ATP/);
  });
});

describe('meta.key-drift across revisions', () => {
  it('reports a key renamed since the newest revision once, on its line, as revision-driven', () => {
    const newer = { commit: 'eb8c600d0000000000000000000000000000aaaa', handoff: '11/24/2021', extra: 'ms.localizationpriority: medium\n' };
    const old = page('de-DE', 'A.\n', { extra: 'localization_priority: Normal\n' });
    const r = qa([fr(`${P(1, 'A.', 'A.')}\n`, { extra: 'localization_priority: Normal\n' }), old, page('ja-JP', 'A。\n', newer)]);
    const de = of(r, 'meta.key-drift', 'de-DE');
    expect(de).toHaveLength(1);
    expect(de[0]).toMatchObject({ severity: 'info', revisionDriven: true, column: 1 });
    expect(de[0]!.message).toContain('localization_priority is ms.localizationpriority');
    expect(old.split('\n')[de[0]!.line - 1]).toMatch(/^localization_priority:/);
    expect(of(r, 'meta.key-drift', 'ja-JP')).toEqual([]);
  });
});

describe('struct.skeleton inside lists', () => {
  const en = fr(`## <a name="s"></a>${P(1, 'Étape', 'Step')}\n\n1. ${P(2, 'Un', 'One')}\n\n    - ${P(3, 'Format :', 'Format:')} \`x-1\`\n    - ${P(4, 'Exemple', 'Example')}\n`);
  const de = (body: string) => page('de-DE', `## <a name="s"></a>Schritt\n\n${body}`);
  it('reports a code block where the English has inline code at the nested list item, not at the heading', () => {
    const text = de('1. Eins\n\n    - Format:\n\n      ```http\n      x-1\n      ```\n    - Beispiel\n');
    const found = of(qa([en, text]), 'struct.skeleton', 'de-DE');
    expect(found).toHaveLength(1);
    expect(text.split('\n')[found[0]!.line - 1]).toMatch(/^ {4}- Format:/);
    expect(found[0]!.message).toContain('fence:http');
  });
  it('reports indentation only against the other locales, as an info', () => {
    const four = (locale: string) => page(locale, `## <a name="s"></a>S ${locale}\n\n1. Eins\n\n    - Format: \`x-1\`\n    - Beispiel\n`);
    const three = page('it-IT', `## <a name="s"></a>S\n\n1. Uno\n\n   - Formato: \`x-1\`\n   - Esempio\n`);
    const r = qa([en, four('de-DE'), four('es-ES'), three]);
    expect(of(r, 'struct.skeleton', 'de-DE')).toEqual([]);
    const it3 = of(r, 'struct.skeleton', 'it-IT');
    expect(it3).toHaveLength(1);
    expect(it3[0]!.severity).toBe('info');
    expect(three.split('\n')[it3[0]!.line - 1]).toMatch(/^ {3}- Formato/);
    expect(it3[0]!.message).toContain('renders the same');
  });
});

describe('one finding per problem', () => {
  it('a term in the wrong case is term.case only, not term.dnt-count too', () => {
    const r = qa([fr(`${P(2, 'Utilisez azure AD.', 'Use Azure AD.')}\n`)]);
    expect(of(r, 'term.case')).toHaveLength(1);
    expect(of(r, 'term.dnt-count')).toEqual([]);
  });
  it("a rendering is judged by the file's own convention where one holds most occurrences", () => {
    const body = [1, 2, 3, 4].map((n) => P(n + 1, 'Microsoft Defender for Endpoint hilft.', 'Microsoft Defender for Endpoint helps.')).join('\n\n');
    const r = qa([page('de-DE', `${body}\n\n${P(9, 'Microsoft Defender für Endpunkt hilft.', 'Microsoft Defender for Endpoint helps.')}\n`)]);
    const found = of(r, 'term.consistency');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^“Microsoft Defender für Endpunkt” ×1/);
  });
});

describe('link.url-parity across locales', () => {
  it('flags a URL only one locale links to, at the URL', () => {
    const en = fr(`${P(2, 'Voir [la page](https://a.example/p).', 'See [the page](https://a.example/p).')}\n`);
    const odd = page('de-DE', 'Siehe [die Seite](https://b.example/q).\n');
    const r = qa([en, odd, page('es-ES', 'Vea [la página](https://a.example/p).\n')]);
    const found = of(r, 'link.url-parity', 'de-DE').filter((f) => f.message.includes('no other locale'));
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(odd.split('\n')[found[0]!.line - 1]!.slice(found[0]!.column - 1)).toMatch(/^https:\/\/b\.example\/q/);
  });
});

describe('post-edits in the report', () => {
  it('marks the blocks whose segments or keys the page lists as post-edited, and the locale', () => {
    const body = `${P(2, 'Un.', 'One.')}\n\n${P(3, 'Deux.', 'Two.')}\n`;
    const r = qa([fr(body, { extra: 'mt-docs.post-edited: ["ab12c-3"]\n' }), page('de-DE', 'Eins.\n\nZwei.\n', { extra: 'mt-docs.post-edited: true\n' }), page('es-ES', 'Uno.\n\nDos.\n')]);
    const status = Object.fromEntries(r.locales.map((l) => [l.locale, l.postEdited]));
    expect(status).toEqual({ 'fr-FR': { units: ['ab12c-3'] }, 'de-DE': { units: null }, 'es-ES': null });
    const edited = r.grid.flatMap((row) => Object.entries(row.cells).filter(([, c]) => c?.postEdited).map(([code]) => `${code} ${row.key}`));
    expect(edited).toEqual(['fr-FR :2']);
  });
});

describe('source.hotspot', () => {
  it('flags an English segment three locales stumble over', () => {
    const en = `## <a name="s"></a>${P(1, 'Étape', 'Step')}\n\n${P(2, 'Voir la [page](https://a.example/p) partenaire.', 'See the [partner page](https://a.example/p).')}\n`;
    const plain = (locale: string, text: string) => page(locale, `## <a name="s"></a>Schritt ${locale}\n\n${text}\n`);
    const r = qa([fr(en), plain('de-DE', 'Siehe die [](https://a.example/p) Seite.'), plain('es-ES', 'Vea la [](https://a.example/p) página.'), plain('ja-JP', '[](https://a.example/p) ページを参照。')]);
    expect(of(r, 'source.hotspot')).toMatchObject([{ locale: 'en', severity: 'warning', segment: 'ab12c-2' }]);
    expect(r.hotspots[0]?.locales).toEqual(['de-DE', 'es-ES', 'ja-JP']);
  });
});

describe('suppressions', () => {
  it('mark a finding by its id, and stop applying when the text changes', () => {
    const body = `${P(2, 'Elle consiste  à faire.', 'It is to have.')}\n`;
    const first = of(qa([fr(body)]), 'ws.segment')[0]!;
    expect(of(qa([fr(body)], [{ id: first.id }]), 'ws.segment')[0]?.suppressed).toBe(true);
    const changed = `${P(2, 'Elle consiste  à le faire.', 'It is to have.')}\n`;
    expect(of(qa([fr(changed)], [{ id: first.id }]), 'ws.segment')[0]?.suppressed).toBeUndefined();
  });
});
