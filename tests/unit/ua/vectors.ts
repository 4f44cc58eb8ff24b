/**
 * The public test vectors of spec §8, as data, shared by the table-driven tests and the cross-client
 * test. `fields` lists only what the spec lists for a vector; every other field is expected clean
 * (no errors, warnings, infos or suggestion). Where the spec names a code without details, the
 * details here are this implementation's documented choice (`E_TOO_LONG` at 64 with the overflow).
 */
import type { Code, FieldName, Issue } from '../../../src/ua/index.ts';

export interface FieldExpectation {
  errors?: Issue[];
  warnings?: Code[];
  /** Infos other than `I_SUGGESTION`, which is expected exactly when `suggestion` is given. */
  infos?: Code[];
  suggestion?: string;
}

export interface BuildVector {
  id: string;
  input: [company: string, product: string, version: string];
  value: string | null;
  fields?: Partial<Record<FieldName, FieldExpectation>>;
}

const at = (code: Code, position: number, char: string, count = 1): Issue => ({
  code,
  at: position,
  count,
  char,
  codePoint: 'U+' + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'),
});

export const BUILD_VECTORS: BuildVector[] = [
  { id: 'B1', input: ['Contoso', 'ContosoCognito', '1.0.0'], value: 'MdePartner-Contoso-ContosoCognito/1.0.0' },
  {
    id: 'B2',
    input: ['Contoso', 'ContosoCognito', '1.0.0-beta.2+exp.sha.5114f85'],
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0-beta.2+exp.sha.5114f85',
  },
  {
    id: 'B3',
    input: ['Contoso', 'ContosoCognito', '2.1.0.4500'],
    value: 'MdePartner-Contoso-ContosoCognito/2.1.0.4500',
    fields: { version: { warnings: ['W_NOT_SEMVER'] } },
  },
  {
    id: 'B5',
    input: ['Contoso', 'ContosoCognito', 'v1.2.3'],
    value: 'MdePartner-Contoso-ContosoCognito/v1.2.3',
    fields: { version: { warnings: ['W_V_PREFIX'] } },
  },
  {
    id: 'B7',
    input: ['Contoso', 'ContosoCognito', '1.0.0 beta'],
    value: null,
    fields: { version: { errors: [at('E_SPACE', 5, ' ')], suggestion: '1.0.0' } },
  },
  {
    id: 'B10',
    input: ['Contoso', 'ContosoCognito', ''],
    value: null,
    fields: { version: { errors: [{ code: 'E_EMPTY' }] } },
  },
  {
    id: 'B13',
    input: ['  Contoso ', 'ContosoCognito', '1.0.0\n'],
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0',
    fields: { company: { infos: ['I_TRIMMED'] }, version: { infos: ['I_TRIMMED'] } },
  },
  {
    id: 'B14',
    input: ['Contoso Ltd', 'ContosoCognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_SPACE', 7, ' ')], suggestion: 'ContosoLtd' } },
  },
  {
    id: 'B15',
    input: ['Contoso-Ltd', 'ContosoCognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_HYPHEN', 7, '-')], suggestion: 'ContosoLtd' } },
  },
  {
    id: 'B17',
    input: ['-Contoso', 'ContosoCognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_HYPHEN', 0, '-')], suggestion: 'Contoso' } },
  },
  {
    id: 'B19',
    input: ['Contoso.com', 'Cognito_EDR', '1.0.0'],
    value: 'MdePartner-Contoso.com-Cognito_EDR/1.0.0',
  },
  {
    id: 'B20',
    input: ["O'Brien&Co", 'Cognito', '1.0.0'],
    value: "MdePartner-O'Brien&Co-Cognito/1.0.0",
    fields: { company: { warnings: ['W_UNUSUAL_CHARS'] } },
  },
  {
    id: 'B22',
    input: ['Contoso(R)', 'Cognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_DELIMITER', 7, '(', 2)], suggestion: 'ContosoR' } },
  },
  {
    id: 'B29',
    input: ['Société', 'Produit', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_NON_ASCII', 4, 'é', 2)], suggestion: 'Societe' } },
  },
  {
    id: 'B31',
    input: ['株式会社コントソ', 'コグニト', '1.0.0'],
    value: null,
    fields: {
      company: { errors: [at('E_NON_ASCII', 0, '株', 8)] },
      product: { errors: [at('E_NON_ASCII', 0, 'コ', 4)] },
    },
  },
  {
    id: 'B33',
    input: ['Ｃｏｎｔｏｓｏ', 'Ｃｏｇｎｉｔｏ', '１.０.０'],
    value: 'MdePartner-Contoso-Cognito/1.0.0',
    fields: { company: { infos: ['I_NFKC'] }, product: { infos: ['I_NFKC'] }, version: { infos: ['I_NFKC'] } },
  },
  {
    id: 'B36',
    input: ['Contoso\r\nX-Injected: 1', 'Cognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [at('E_CRLF', 7, '\r', 2)] } },
  },
  {
    id: 'B37',
    input: ['Contoso', 'Cognito', '1.0.0\u0000'],
    value: null,
    fields: { version: { errors: [at('E_CONTROL', 5, '\u0000')] } },
  },
  {
    id: 'B39',
    input: ['C'.repeat(65), 'Cognito', '1.0.0'],
    value: null,
    fields: { company: { errors: [{ code: 'E_TOO_LONG', at: 64, count: 1 }] } },
  },
  {
    id: 'B40',
    input: ['MdePartnerContoso', 'Cognito', '1.0.0'],
    value: 'MdePartner-MdePartnerContoso-Cognito/1.0.0',
    fields: { company: { warnings: ['W_REDUNDANT_PREFIX'] } },
  },
];

export interface ParseVector {
  id: string;
  value: string;
  ok: boolean;
  /** company, product, version as returned (null when not found). */
  parts: [string | null, string | null, string | null];
  /** Every diagnostic code, in any order; `at` is checked where given. */
  diags: { code: Code; at?: number }[];
}

export const PARSE_VECTORS: ParseVector[] = [
  { id: 'P1', value: 'MdePartner-Contoso-ContosoCognito/1.0.0', ok: true, parts: ['Contoso', 'ContosoCognito', '1.0.0'], diags: [] },
  {
    id: 'P2',
    value: 'User-Agent: MdePartner-Contoso-ContosoCognito/1.0.0',
    ok: true,
    parts: ['Contoso', 'ContosoCognito', '1.0.0'],
    diags: [{ code: 'P_HEADER_NAME_STRIPPED' }],
  },
  {
    id: 'P3',
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0 python-requests/2.31.0',
    ok: true,
    parts: ['Contoso', 'ContosoCognito', '1.0.0'],
    diags: [{ code: 'P_EXTRA_ITEMS' }],
  },
  {
    id: 'P4',
    value: 'python-requests/2.31.0 MdePartner-Contoso-ContosoCognito/1.0.0',
    ok: true,
    parts: ['Contoso', 'ContosoCognito', '1.0.0'],
    diags: [{ code: 'P_NOT_FIRST' }, { code: 'P_EXTRA_ITEMS' }],
  },
  {
    id: 'P6',
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0(Windows)',
    ok: false,
    parts: [null, null, null],
    diags: [{ code: 'P_SYNTAX', at: 39 }],
  },
  {
    id: 'P7',
    value: 'MdePartner-Contoso-Ltd-Cognito/1.0.0',
    ok: false,
    parts: [null, null, '1.0.0'],
    diags: [{ code: 'P_AMBIGUOUS' }],
  },
  {
    id: 'P8',
    value: 'MdePartner-Contoso-ContosoCognito',
    ok: false,
    parts: ['Contoso', 'ContosoCognito', null],
    diags: [{ code: 'P_NO_VERSION' }],
  },
  {
    id: 'P10',
    value: 'MdePartner-ContosoCognito/1.0.0',
    ok: false,
    parts: [null, null, '1.0.0'],
    diags: [{ code: 'P_BAD_SEGMENTS' }],
  },
  {
    id: 'P12',
    value: 'mdepartner-Contoso-ContosoCognito/1.0.0',
    ok: true,
    parts: ['Contoso', 'ContosoCognito', '1.0.0'],
    diags: [{ code: 'P_PREFIX_CASE' }],
  },
  {
    id: 'P14',
    value: 'MdePartner-Contoso Ltd-Cognito/1.0.0',
    ok: false,
    parts: [null, null, null],
    diags: [{ code: 'P_NO_VERSION' }, { code: 'P_BAD_SEGMENTS' }, { code: 'P_SPACE_IN_NAME' }],
  },
  {
    id: 'P18',
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0\r\nX-Injected: 1',
    ok: false,
    parts: [null, null, null],
    diags: [{ code: 'E_CRLF', at: 39 }],
  },
  { id: 'P22', value: '', ok: false, parts: [null, null, null], diags: [{ code: 'E_EMPTY' }] },
];

export interface UrlVector {
  id: string;
  query: string;
  value: string | null;
  field?: FieldName;
  error?: Code;
}

export const URL_VECTORS: UrlVector[] = [
  {
    id: 'U1',
    query: '?mdeua-company=Contoso&mdeua-product=ContosoCognito&mdeua-version=1.0.0',
    value: 'MdePartner-Contoso-ContosoCognito/1.0.0',
  },
  {
    id: 'U3',
    query: '?mdeua-company=Contoso&mdeua-product=ContosoCognito&mdeua-version=1.0.0+build.5',
    value: null,
    field: 'version',
    error: 'E_SPACE',
  },
  {
    id: 'U5',
    query: '?mdeua-company=Contoso%0D%0AX-Evil:1&mdeua-product=X&mdeua-version=1.0.0',
    value: null,
    field: 'company',
    error: 'E_CRLF',
  },
];

export const SNIPPET_VECTORS = [
  {
    id: 'S1',
    language: 'curl',
    input: ["O'Brien&Co", 'Cognito', '1.0.0'],
    line: `curl -A 'MdePartner-O'\\''Brien&Co-Cognito/1.0.0' -H "Authorization: Bearer $TOKEN" https://api.security.microsoft.com/api/machines`,
  },
  {
    id: 'S3',
    language: 'csharp',
    input: ['Contoso', 'ContosoCognito', '1.0.0-beta.2+exp.sha.5114f85'],
    line: 'client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("MdePartner-Contoso-ContosoCognito", "1.0.0-beta.2+exp.sha.5114f85"));',
  },
] as const;

/** The 77 tchar characters, and the same without `-` (what a company or product name may hold). */
export const TCHARS = [..."!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
export const NAME_CHARS = TCHARS.filter((char) => char !== '-');
