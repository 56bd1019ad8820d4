/**
 * Test-only web bridge (DESIGN.md §8; never shipped): a loopback HTTP
 * server that builds core exactly as main does and serves the contract to
 * the built renderer, so Chromium can drive the real app without Electron.
 *
 * - `GET /…`: the static files of the built renderer (`out/renderer`).
 * - `POST /api/<method>` with header `x-bridge-token` and the JSON array of
 *   arguments as body: the `ApiResult` envelope of `core.call(method, args)`.
 *
 * Core validates the method name and arguments, as it does for IPC.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import packageJson from '../../package.json';
import { type Core, createCore } from '../../electron/core/app';
import type { Logger } from '../../electron/core/log';
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import type { FolderPurpose } from '../../shared/exchange/folders';

export interface BridgeOptions {
  /** The data folder core works on (a temp dir in tests). */
  readonly dataFolder: string;
  /** The built renderer, normally `out/renderer`. */
  readonly rendererDir: string;
  /** Defaults to core's own file logger in `<dataFolder>/logs`, as in the app. */
  readonly logger?: Logger;
  /** Core's clock; tests move it forward to reach idle locks and the end of a lockout. Defaults to the system clock. */
  readonly now?: () => Date;
  /** Stands in for the system's folder dialog (main): the folder the test's clerk picks. */
  readonly chooseFolder?: (purpose: FolderPurpose) => Promise<string | null>;
  /** The automatic backup at the day's first login, as in the app; off unless a test turns it on. */
  readonly dailyBackup?: boolean;
}

export interface Bridge {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Required in the `x-bridge-token` header of every API call. */
  readonly token: string;
  close(): Promise<void>;
}

/** Requests larger than this are refused with 413 (imports of big workbooks stay well below). */
export const maxBodyBytes = 25 * 1024 * 1024;
export const tokenHeader = 'x-bridge-token';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = realpathSync(resolve(options.rendererDir));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run \`npx electron-vite build\` first.`);
  }
  // The same options main passes, minus what only Electron knows (and, for tests, a clock).
  const core = createCore({
    dataFolder: options.dataFolder,
    logger: options.logger,
    now: options.now,
    chooseFolder: options.chooseFolder,
    dailyBackup: options.dailyBackup,
    appVersion: packageJson.version,
    electron: null,
    chrome: null,
  });
  const token = randomBytes(32).toString('hex');
  const server = createServer((request, response) => {
    handle(request, response, { core, token, rendererDir, host: hostOf(server) }).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const host = hostOf(server);
  return {
    url: `http://${host}/`,
    token,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      core.close();
    },
  };
}

function hostOf(server: Server): string {
  const address = server.address() as AddressInfo | null;
  return address ? `127.0.0.1:${address.port}` : '';
}

interface Context {
  readonly core: Core;
  readonly token: string;
  readonly rendererDir: string;
  readonly host: string;
}

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  // A page on another name that resolves to 127.0.0.1 (DNS rebinding) is not ours.
  if (request.headers.host !== context.host) return sendText(response, 421, 'Misdirected request');
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/api/')) {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed', { allow: 'POST' });
    return serveApi(request, response, context, path.slice('/api/'.length));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed', { allow: 'GET, HEAD' });
  }
  return serveStatic(request, response, context.rendererDir, path);
}

async function serveApi(
  request: IncomingMessage,
  response: ServerResponse,
  context: Context,
  method: string,
): Promise<void> {
  if (!tokenMatches(request.headers[tokenHeader], context.token)) {
    request.resume();
    return sendText(response, 403, 'Forbidden');
  }
  const body = await readBody(request, maxBodyBytes);
  if (body === 'too-large') {
    return sendJson(response, 413, failure('INVALID_INPUT', '提交的内容太大，没有保存任何内容。'), {
      connection: 'close',
    });
  }
  let args: unknown;
  try {
    args = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(response, 400, failure('INVALID_INPUT', '提交的内容格式不正确，没有保存任何内容。'));
  }
  // The method name goes to core unchecked on purpose: core refuses unknown names, as for IPC.
  const result = await context.core.call(safeDecode(method) ?? method, args);
  return sendJson(response, 200, result);
}

/** Constant-time comparison of fixed-length digests, so neither content nor length leaks. */
export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        done('too-large'); // the rest is read and dropped; the connection closes after the reply
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => {
      if (!refused) done(Buffer.concat(chunks));
    });
    request.on('error', fail);
  });
}

async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
): Promise<void> {
  const decoded = safeDecode(urlPath);
  if (decoded === null || decoded.includes('\0')) return sendText(response, 400, 'Bad request');
  const file = insideRoot(root, decoded === '/' ? '/index.html' : decoded);
  if (!file) return sendText(response, 404, 'Not found');
  const size = statSync(file).size;
  response.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).pipe(response).on('finish', done).on('error', fail);
  });
}

/** The regular file at `urlPath` below `root`, after resolving `..` and symlinks; null if outside or absent. */
export function insideRoot(root: string, urlPath: string): string | null {
  const within = (path: string): boolean => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  const candidate = resolve(root, `.${urlPath}`);
  if (!within(candidate)) return null;
  try {
    const real = realpathSync(candidate);
    return within(real) && statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function failure(code: 'INVALID_INPUT', message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}

/** Calls one contract method on a running bridge from Node (test set-up), resolving to the envelope. */
export async function callBridge<M extends ApiMethod>(
  bridge: Bridge,
  method: M,
  ...args: ApiArgs<M>
): Promise<ApiResult<ApiValue<M>>> {
  const response = await fetch(new URL(`api/${method}`, bridge.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [tokenHeader]: bridge.token },
    body: JSON.stringify(args),
  });
  return (await response.json()) as ApiResult<ApiValue<M>>;
}

/** `callBridge` for set-up steps: the value, or an error carrying core's message and field messages. */
export async function callBridgeOrThrow<M extends ApiMethod>(
  bridge: Bridge,
  method: M,
  ...args: ApiArgs<M>
): Promise<ApiValue<M>> {
  const result = await callBridge(bridge, method, ...args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
  return result.value;
}
