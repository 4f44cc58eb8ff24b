/**
 * Every value the builder accepts must reach a server byte-identical through real HTTP clients
 * (spec §8, last paragraph). A loopback echo server answers with the raw bytes of the User-Agent
 * header it received; each client sends a sample of accepted values (the public vectors plus
 * generated ones, fixed seed) and must get each value back unchanged. A client whose binary is
 * missing on this machine is skipped with a visible name saying so, never silently passed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUserAgent, renderSnippet } from '../../../src/ua/index.ts';
import { validInput } from './arbitraries.ts';
import { BUILD_VECTORS, SNIPPET_VECTORS, URL_VECTORS } from './vectors.ts';

const run = promisify(execFile);

const SAMPLE: string[] = [
  ...BUILD_VECTORS.map(({ value }) => value),
  ...URL_VECTORS.map(({ value }) => value),
  ...SNIPPET_VECTORS.map(({ input: [company, product, version] }) => buildUserAgent({ company, product, version }).value),
  ...fc.sample(validInput, { seed: 42, numRuns: 20 }).map((input) => buildUserAgent(input).value),
].filter((value): value is string => value !== null);

let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const values: string[] = [];
    for (let i = 0; i < request.rawHeaders.length; i += 2)
      if (request.rawHeaders[i]!.toLowerCase() === 'user-agent') values.push(request.rawHeaders[i + 1]!);
    if (values.length !== 1) {
      response.writeHead(400).end(`expected one User-Agent header, got ${values.length}`);
      return;
    }
    // Node's parser hands header bytes over as latin1, one char per byte: this is the wire form.
    response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(values[0]!, 'latin1'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/machines`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const available = (command: string, args: string[]) => !spawnSync(command, args, { stdio: 'ignore' }).error;
const pythonHasRequests = available('python3', ['--version']) && spawnSync('python3', ['-c', 'import requests']).status === 0;

function viaNodeHttp(value: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { headers: { 'User-Agent': value }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks)));
    });
    request.on('error', reject);
    request.end();
  });
}

async function viaFetch(value: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { 'User-Agent': value } });
  return Buffer.from(await response.arrayBuffer());
}

async function viaCurl(value: string): Promise<Buffer> {
  // An argument array, no shell: curl gets the value exactly. -q ignores any ~/.curlrc.
  const { stdout } = await run('curl', ['-q', '-sS', '--fail', '--noproxy', '*', '-A', value, url], { encoding: 'buffer' });
  return stdout;
}

/** One Python process for the whole sample: values come in as argv, bodies go out as hex. */
async function viaPython(values: string[], library: 'urllib' | 'requests'): Promise<Buffer[]> {
  const script =
    library === 'urllib'
      ? `import json, sys, urllib.request
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
bodies = []
for value in sys.argv[2:]:
    with opener.open(urllib.request.Request(sys.argv[1], headers={"User-Agent": value})) as response:
        bodies.append(response.read().hex())
print(json.dumps(bodies))`
      : `import json, sys, requests
session = requests.Session()
session.trust_env = False
print(json.dumps([session.get(sys.argv[1], headers={"User-Agent": value}).content.hex() for value in sys.argv[2:]]))`;
  const { stdout } = await run('python3', ['-c', script, url, ...values]);
  return (JSON.parse(stdout) as string[]).map((hex) => Buffer.from(hex, 'hex'));
}

const JAVA_SOURCE = `import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class UaEcho {
  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
    for (int i = 1; i < args.length; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(args[0])).header("User-Agent", args[i]).build();
      byte[] body = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
      StringBuilder hex = new StringBuilder();
      for (byte b : body) hex.append(String.format("%02x", b));
      System.out.println(hex);
    }
  }
}
`;

/** Java 11+ HttpClient via single-file source launch, one JVM for the whole sample. */
async function viaJava(values: string[]): Promise<Buffer[]> {
  const directory = mkdtempSync(join(tmpdir(), 'ua-echo-'));
  try {
    writeFileSync(join(directory, 'UaEcho.java'), JAVA_SOURCE);
    const { stdout } = await run('java', [join(directory, 'UaEcho.java'), url, ...values], { timeout: 60_000 });
    return stdout.trimEnd().split('\n').map((hex) => Buffer.from(hex, 'hex'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Received bytes read one char per byte, so a mismatch shows as readable text in the diff. */
const asWire = (bodies: Buffer[]) => bodies.map((body) => body.toString('latin1'));

interface Client {
  name: string;
  available: boolean;
  missing: string;
  send: (values: string[]) => Promise<Buffer[]>;
}

const CLIENTS: Client[] = [
  { name: 'Node http.request', available: true, missing: '', send: (values) => Promise.all(values.map(viaNodeHttp)) },
  { name: 'Node fetch', available: true, missing: '', send: (values) => Promise.all(values.map(viaFetch)) },
  {
    name: 'curl -A',
    available: available('curl', ['--version']),
    missing: 'curl not installed',
    send: async (values) => {
      const bodies: Buffer[] = [];
      for (const value of values) bodies.push(await viaCurl(value));
      return bodies;
    },
  },
  {
    name: 'Python urllib.request',
    available: available('python3', ['--version']),
    missing: 'python3 not installed',
    send: (values) => viaPython(values, 'urllib'),
  },
  {
    name: 'Python requests',
    available: pythonHasRequests,
    missing: 'python3 or its requests package not installed',
    send: (values) => viaPython(values, 'requests'),
  },
  { name: 'Java HttpClient', available: available('java', ['-version']), missing: 'java not installed', send: viaJava },
];

describe('cross-client: accepted values reach the server byte-identical', () => {
  it('samples enough accepted, ASCII-only values', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(30);
    for (const value of SAMPLE) expect(value).toMatch(/^MdePartner-[\x21-\x7e]+$/);
  });

  for (const client of CLIENTS) {
    if (!client.available) console.warn(`cross-client: skipping ${client.name}: ${client.missing}`);
    it.skipIf(!client.available)(client.available ? client.name : `${client.name} (skipped: ${client.missing})`, async () => {
      expect(asWire(await client.send(SAMPLE))).toEqual(SAMPLE);
    });
  }

  it('a CR/LF value is never built, so no client can send it', () => {
    for (const [company, product, version] of [
      ['Contoso\r\nX-Injected: 1', 'Cognito', '1.0.0'],
      ['Contoso', 'Cog\nnito', '1.0.0'],
      ['Contoso', 'Cognito', '1.0.0\rX'],
      ['Contoso', 'Cognito', '1.0.0\r\n\r\nGET /evil HTTP/1.1'],
    ] as const) {
      const result = buildUserAgent({ company, product, version });
      expect(result).toMatchObject({ ok: false, value: null });
      expect(renderSnippet('curl', { company, product, version })).toEqual({ ok: false });
    }
  });
});
