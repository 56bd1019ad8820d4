/**
 * The test-only web bridge guards what it serves like a real server would:
 * the token, the renderer folder's boundary, the body limit, the host name.
 * And its window.api shim is the contract's method list, nothing more.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { apiMethods } from '../../shared/api';
import { createMemoryLogger } from '../../electron/core/log';
import { type Bridge, maxBodyBytes, startBridge, tokenHeader } from '../support/bridge';
import { windowApiShimSource } from '../support/windowApiShim';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with nothing normalised: the path is sent as written, any Host header. */
function raw(
  bridge: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string },
): Promise<RawResponse> {
  const url = new URL(bridge.url);
  return new Promise((done, fail) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', fail);
    request.end(options.body);
  });
}

let root: string;
let bridge: Bridge;
const call = (method: string, body: string, token = bridge.token) =>
  raw(bridge, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { [tokenHeader]: token, 'content-type': 'application/json' },
    body,
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'xuejidesk-bridge-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  bridge = await startBridge({ dataFolder: join(root, 'data'), rendererDir: renderer, logger: createMemoryLogger() });
});

afterAll(async () => {
  await bridge?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web bridge', () => {
  it('listens on loopback with a long random token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves the renderer with the right content types', async () => {
    const index = await raw(bridge, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await raw(bridge, { path: '/assets/app.js' })).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await raw(bridge, { path: '/assets/app.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(bridge, { path: '/assets/missing.js' })).status).toBe(404);
    expect((await raw(bridge, { path: '/assets' })).status).toBe(404);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const response = await raw(bridge, { path });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
    expect((await raw(bridge, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await raw(bridge, { path: '/index.html%00.js' })).status).toBe(400);
  });

  it('answers a contract call with core’s envelope', async () => {
    const response = await call('systemInfo', '[]');
    expect(response.status).toBe(200);
    const envelope = JSON.parse(response.body) as { ok: boolean; value: { versions: { app: string; electron: null } } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.versions.app).toBe(packageJson.version);
    expect(envelope.value.versions.electron).toBeNull();
  });

  it('leaves method names and arguments to core’s validation', async () => {
    expect(JSON.parse((await call('deleteEverything', '[]')).body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(JSON.parse((await call('status', '[1]')).body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const malformed = await call('status', '[');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a call without the right token', async () => {
    expect((await call('status', '[]', '')).status).toBe(403);
    expect(
      (
        await call(
          'status',
          '[]',
          bridge.token.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
        )
      ).status,
    ).toBe(403);
    const missing = await raw(bridge, { method: 'POST', path: '/api/status', body: '[]' });
    expect(missing.status).toBe(403);
  });

  it('refuses a body over the limit with 413', async () => {
    const declared = await raw(bridge, {
      method: 'POST',
      path: '/api/status',
      headers: { [tokenHeader]: bridge.token, 'content-length': maxBodyBytes + 1 },
    });
    // Refused from the header alone, before any of the body is read.
    expect(declared.status).toBe(413);
    const streamed = await raw(bridge, {
      method: 'POST',
      path: '/api/status',
      headers: { [tokenHeader]: bridge.token, 'transfer-encoding': 'chunked' },
      body: `[${'"x",'.repeat(maxBodyBytes / 4)}"x"]`,
    });
    expect(streamed.status).toBe(413);
  });

  it('refuses other methods and other host names', async () => {
    expect((await raw(bridge, { path: '/api/status' })).status).toBe(405);
    expect((await raw(bridge, { method: 'DELETE', path: '/' })).status).toBe(405);
    expect((await raw(bridge, { path: '/', headers: { host: 'attacker.example:80' } })).status).toBe(421);
  });
});

describe('the window.api shim', () => {
  it('has exactly the contract’s methods, each POSTing its arguments with the token', async () => {
    const requests: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[] = [];
    const page: Record<string, unknown> = {
      fetch: (url: string, init: (typeof requests)[number]['init']) => {
        requests.push({ url, init });
        return Promise.resolve({ json: () => Promise.resolve({ ok: true, value: 'answer' }) });
      },
    };
    page['globalThis'] = page;
    runInNewContext(windowApiShimSource('T0KEN'), page);
    const api = page['api'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api)).toEqual([...apiMethods]);
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api['systemInfo']!()).resolves.toEqual({ ok: true, value: 'answer' });
    expect(requests).toEqual([
      {
        url: '/api/systemInfo',
        init: { method: 'POST', headers: { 'content-type': 'application/json', [tokenHeader]: 'T0KEN' }, body: '[]' },
      },
    ]);
  });
});
