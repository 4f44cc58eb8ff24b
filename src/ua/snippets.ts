/**
 * Copy-ready code that sends the built value (spec §5), as plain text (never HTML). Pure.
 *
 * Quoting is part of correctness because tchar includes `$ ' \` & | !`: POSIX shells get single
 * quotes with `'` → `'\''`, PowerShell single quotes with `'` → `''`, and the other languages plain
 * double-quoted literals, which are safe because a valid value never contains `"` or `\`.
 * A snippet exists only for a valid value; otherwise there is no code to copy.
 */
import { buildUserAgent, type UserAgentInput } from './build.ts';

export type SnippetResult = { ok: true; code: string } | { ok: false };

export const API_URL = 'https://api.security.microsoft.com/api/machines';

export const quoteForPosixShell = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;
export const quoteForPowerShell = (text: string): string => `'${text.replaceAll("'", "''")}'`;

// `$TOKEN` in shells and `token` elsewhere are the placeholders for the caller's access token.
const TEMPLATES = {
  curl: (value) => `curl -A ${quoteForPosixShell(value)} -H "Authorization: Bearer $TOKEN" ${API_URL}`,
  powershell: (value) =>
    `Invoke-RestMethod ${API_URL} -UserAgent ${quoteForPowerShell(value)} -Headers @{ Authorization = "Bearer $token" }`,
  python: (value) => `session = requests.Session()
session.headers.update({"User-Agent": "${value}", "Authorization": "Bearer " + token})
print(session.get("${API_URL}").json())`,
  // ProductInfoHeaderValue(name, version) is the one .NET form that rejects a space inside a name.
  csharp: (_, name, version) => `client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("${name}", "${version}"));
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
Console.WriteLine(await client.GetStringAsync("${API_URL}"));`,
  // Server-side only (Node.js 18+): browsers drop a User-Agent set from fetch; the UI says so.
  javascript: (value) => `const response = await fetch("${API_URL}", {
  headers: { "User-Agent": "${value}", Authorization: "Bearer " + token },
});
console.log(await response.json());`,
  go: (value) => `req, _ := http.NewRequest("GET", "${API_URL}", nil)
req.Header.Set("User-Agent", "${value}")
req.Header.Set("Authorization", "Bearer "+token)
resp, err := http.DefaultClient.Do(req)`,
  java: (value) => `var request = HttpRequest.newBuilder(URI.create("${API_URL}"))
    .header("User-Agent", "${value}")
    .header("Authorization", "Bearer " + token)
    .build();
var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());`,
} satisfies Record<string, (value: string, name: string, version: string) => string>;
export type SnippetLanguage = keyof typeof TEMPLATES;
/** The languages in tab order: the templates' own keys, so the list is written once. */
export const SNIPPET_LANGUAGES = Object.keys(TEMPLATES) as readonly SnippetLanguage[];

export function renderSnippet(language: SnippetLanguage, input: UserAgentInput): SnippetResult {
  const { value } = buildUserAgent(input);
  const template = TEMPLATES[language];
  if (!value || !template) return { ok: false };
  // A valid value holds exactly one "/": the one between product name and version.
  const [name, version] = value.split('/') as [string, string];
  return { ok: true, code: template(value, name, version) };
}
