/**
 * The renderer's one door to core (DESIGN.md §2): the only module that
 * touches `window.api`. Each method of the contract is unwrapped from its
 * `ApiResult` envelope here, so stores see plain values or an `ApiError`.
 */
import {
  apiMethods,
  type ApiArgs,
  type ApiMethod,
  type ApiValue,
  type WindowApi,
  type XuejiApi,
} from '../../shared/api';
import type { ApiFailure, ApiResult, ErrorCode } from '../../shared/errors';

declare global {
  interface Window {
    /** Exposed by preload (or the test bridge's shim); absent only if the page runs elsewhere. */
    readonly api: WindowApi;
  }
}

/**
 * A failed contract call: `code` for the program, `message` (Chinese) for
 * the clerk, and for form failures (FIELD_ERRORS, DUPLICATE,
 * RULE_VIOLATION) `fields`: the message to show under each field.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }

  toFailure(): ApiFailure {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

const unavailable = '无法连接程序核心。请关闭并重新启动学籍工作台；如果问题依旧，请联系技术支持。';
const unexpected = '程序内部出错，请重试。如果问题依旧，请联系技术支持。';

/** Any thrown value as something the page can show. */
export function failureOf(error: unknown): ApiFailure {
  return error instanceof ApiError ? error.toFailure() : { code: 'INTERNAL', message: unexpected };
}

function isEnvelope(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

type FailureListener = (method: ApiMethod, failure: ApiFailure) => void;
const failureListeners = new Set<FailureListener>();

/**
 * Hears every failed call, whichever store made it: the session store uses
 * it to notice a session that core locked or ended (idle lock, a restart)
 * while some page was loading. Returns the function that stops listening.
 */
export function onApiFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

async function invoke<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiValue<M>> {
  // Typed as always present, but a page opened outside the app has no preload.
  const bridge = window.api as WindowApi | undefined;
  const call = bridge?.[method] as ((...input: ApiArgs<M>) => Promise<unknown>) | undefined;
  if (typeof call !== 'function') {
    throw new ApiError('INTERNAL', unavailable);
  }
  let result: unknown;
  try {
    result = await call(...args);
  } catch {
    throw new ApiError('INTERNAL', unavailable);
  }
  if (!isEnvelope(result)) {
    throw new ApiError('INTERNAL', unexpected);
  }
  if (!result.ok) {
    for (const listener of failureListeners) listener(method, result.error);
    throw new ApiError(result.error.code, result.error.message, result.error.fields);
  }
  return result.value as ApiValue<M>;
}

/** The contract as plain async functions; generated from `apiMethods`, so it cannot drift from it. */
export const api: XuejiApi = Object.freeze(
  Object.fromEntries(
    apiMethods.map((method) => [method, (...args: ApiArgs<typeof method>) => invoke(method, args)]),
  ) as unknown as XuejiApi,
);
