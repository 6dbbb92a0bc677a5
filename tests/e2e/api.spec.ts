/**
 * The browser shell's loopback API, spoken to over real HTTP (Playwright's `request`) on the real
 * server the CLI started: the token and Host guards, malformed bodies, unknown methods and fields,
 * a valid call, the static files' security headers, and a server that is still up afterwards.
 *
 * The tests of this file run in order in one worker, so they share one server and the last test
 * sees everything the others sent. (A crash anywhere also fails the server fixture's teardown.)
 */
import type { APIResponse } from '@playwright/test';
import { contentSecurityPolicy } from '../../electron/common/csp.js';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'default' });

const TOKEN_HEADER = 'x-kiosk-token';
/** The transport's limit (electron/node-browser-shell/http-transport.ts MAX_BODY_BYTES). */
const MAX_BODY_BYTES = 64 * 1024;

interface ApiFailure {
  ok: false;
  error: { code: string; message: string; field?: string };
}

async function expectFailure(response: APIResponse, status: number, code: string): Promise<ApiFailure> {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^application\/json\b/);
  const body = (await response.json()) as ApiFailure;
  expect(body).toMatchObject({ ok: false, error: { code } });
  expect(typeof body.error.message).toBe('string');
  return body;
}

test.describe('API guards', () => {
  test('no token → 401 unauthorized', async ({ request, server }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, { data: {} });
    const body = await expectFailure(response, 401, 'unauthorized');
    // Nothing of the pack leaks in a refusal.
    expect(JSON.stringify(body)).not.toContain('content');
  });

  test('wrong token → 401 unauthorized, including one that differs only in length', async ({ request, server }) => {
    const url = new URL('api/getBootstrap', server.origin).href;
    const wrong = server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await expectFailure(await request.post(url, { headers: { [TOKEN_HEADER]: wrong }, data: {} }), 401, 'unauthorized');
    await expectFailure(await request.post(url, { headers: { [TOKEN_HEADER]: `${server.token}x` }, data: {} }), 401, 'unauthorized');
    await expectFailure(await request.post(url, { headers: { [TOKEN_HEADER]: '' }, data: {} }), 401, 'unauthorized');
  });

  test('a token in the URL instead of the header is not accepted', async ({ request, server }) => {
    const url = new URL(`api/getBootstrap?token=${server.token}`, server.origin).href;
    await expectFailure(await request.post(url, { data: {} }), 401, 'unauthorized');
  });

  test('bad Host header (DNS rebinding) → 401 even with the right token', async ({ request, server }) => {
    const port = new URL(server.origin).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, 'localhost']) {
      const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
        headers: { host, [TOKEN_HEADER]: server.token },
        data: {},
      });
      await expectFailure(response, 401, 'unauthorized');
    }
  });

  test('a body that is not JSON → 400 invalid_input', async ({ request, server }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      // A Buffer goes on the wire as is (a string would be JSON-encoded by Playwright).
      data: Buffer.from('{"not": json'),
    });
    const body = await expectFailure(response, 400, 'invalid_input');
    expect(body.error.message).toMatch(/JSON/);
  });

  test('a body that is not application/json → 400 invalid_input', async ({ request, server }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'text/plain' },
      data: Buffer.from('{}'),
    });
    await expectFailure(response, 400, 'invalid_input');
  });

  test('invalid UTF-8 bytes → 400 invalid_input', async ({ request, server }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      // {"a":"<0xff 0xfe>"}: well-formed JSON around bytes that are not UTF-8.
      data: Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]),
    });
    const body = await expectFailure(response, 400, 'invalid_input');
    expect(body.error.message).toMatch(/UTF-8/);
  });

  test('an oversized body (> 64 KiB) → 413 invalid_input', async ({ request, server }) => {
    const big = Buffer.from(JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES + 1024) }));
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
      data: big,
    });
    const body = await expectFailure(response, 413, 'invalid_input');
    expect(body.error.message).toMatch(/larger than/);
  });

  test('an unknown method → 404 not_found', async ({ request, server }) => {
    const response = await request.post(new URL('api/deleteEverything', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token },
      data: {},
    });
    await expectFailure(response, 404, 'not_found');
    // Guards come first: without the token an unknown method is simply unauthorized.
    await expectFailure(await request.post(new URL('api/deleteEverything', server.origin).href, { data: {} }), 401, 'unauthorized');
  });

  test('GET on an API method → 400 invalid_input (calls must POST)', async ({ request, server }) => {
    const response = await request.get(new URL('api/getBootstrap', server.origin).href, { headers: { [TOKEN_HEADER]: server.token } });
    await expectFailure(response, 400, 'invalid_input');
  });

  test('getBootstrap with an unknown field → 400 naming the field', async ({ request, server }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token },
      data: { surprise: true },
    });
    const body = await expectFailure(response, 400, 'invalid_input');
    expect(body.error.field).toBe('surprise');
    expect(body.error.message).toContain('surprise');
  });
});

test.describe('API answers', () => {
  test('a valid getBootstrap → 200 with the content pack', async ({ request, server, content }) => {
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token },
      data: {},
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const body = (await response.json()) as { ok: true; value: { clinic: { name: string }; content: unknown } };
    expect(body.ok).toBe(true);
    expect(body.value.clinic.name).toBe(content.clinicName);
    // The pack as written in content/, with {clinic} filled in (the schema may add empty defaults).
    expect(body.value.content).toMatchObject(content.pack as unknown as Record<string, unknown>);
    expect(JSON.stringify(body.value.content)).not.toContain('{clinic}');
  });

  test('static responses carry a Content-Security-Policy', async ({ request, server }) => {
    const index = await request.get(server.origin);
    expect(index.status()).toBe(200);
    const csp = index.headers()['content-security-policy'];
    expect(csp).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(index.headers()['x-content-type-options']).toBe('nosniff');

    // The page's own script carries it too.
    const html = await index.text();
    const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(script, 'index.html loads a script').toBeTruthy();
    const asset = await request.get(new URL(script!, server.origin).href);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-security-policy']).toBe(csp);
  });

  test("the built index.html carries csp.ts's policy as a <meta>, first in the head, as the header does", async ({ request, server, kiosk }) => {
    // First, so it governs everything the page loads; frame-ancestors only ever works in the header.
    const first = await kiosk.evaluate(() => {
      const element = document.head.firstElementChild;
      return { tag: element?.tagName, httpEquiv: element?.getAttribute('http-equiv'), content: element?.getAttribute('content') };
    });
    expect(first).toEqual({ tag: 'META', httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy({ connect: 'self', forMeta: true }) });
    const index = await request.get(server.origin);
    expect(index.headers()['content-security-policy']).toBe(contentSecurityPolicy({ connect: 'self' }));
  });

  test('static files refuse other methods and unknown paths', async ({ request, server }) => {
    expect((await request.post(server.origin, { data: {} })).status()).toBe(405);
    expect((await request.get(new URL('no-such-file.txt', server.origin).href)).status()).toBe(404);
  });

  test('the server is still up after all of that', async ({ request, server, content }) => {
    expect(server.exitCode(), server.output()).toBeNull();
    const response = await request.post(new URL('api/getBootstrap', server.origin).href, {
      headers: { [TOKEN_HEADER]: server.token },
      data: {},
    });
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { value: { content: { title: string } } }).value.content.title).toBe(content.pack.title);
    expect((await request.get(server.origin)).status()).toBe(200);
  });
});
