/**
 * One call of the contract, from an untrusted caller to a core handler:
 * the method must exist, its arguments must match the schema, a `session`
 * caller must be authorised for its access, and whatever happens comes back as an
 * `ApiResult` envelope. Main's IPC binding and the test web bridge both
 * call exactly this, so the renderer cannot tell them apart.
 */
import type { z } from 'zod';
import type { MethodAccess } from '../../shared/api';
import type { ApiResult } from '../../shared/errors';
import { sqliteError } from './db/database';
import { AppError, toFailure } from './errors';
import type { Logger } from './log';

export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>;

export interface DispatcherSpec<M extends string> {
  readonly access: { readonly [K in M]: MethodAccess };
  readonly schemas: { readonly [K in M]: z.ZodType<readonly unknown[]> };
  readonly handlers: { readonly [K in M]: (...args: never[]) => unknown };
  /** Throws (SESSION_REQUIRED, SESSION_LOCKED, FORBIDDEN …) unless the caller may use a method of this access. */
  readonly authorize: (access: MethodAccess) => void;
  readonly logger: Logger;
}

export function createDispatcher<M extends string>(spec: DispatcherSpec<M>): Dispatch {
  return async (method, args) => {
    try {
      if (typeof method !== 'string' || !Object.hasOwn(spec.access, method)) {
        throw new AppError(
          'UNKNOWN_METHOD',
          '程序请求了不存在的功能，已拒绝。',
          `unknown method ${JSON.stringify(method)}`,
        );
      }
      const name = method as M;
      spec.authorize(spec.access[name]);
      const parsed = spec.schemas[name].safeParse(args);
      if (!parsed.success) {
        // Issue paths only: values may hold passwords or personal data.
        const paths = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(args)'}: ${issue.code}`);
        throw new AppError('INVALID_INPUT', '提交的内容格式不正确，没有保存任何内容。', `${name}: ${paths.join('; ')}`);
      }
      const handler = spec.handlers[name] as (...input: readonly unknown[]) => unknown;
      return { ok: true, value: await handler(...parsed.data) };
    } catch (caught) {
      // A statement SQLite itself refused (a full disk, a damaged page) arrives raw: name it for the clerk.
      const code = (caught as { code?: unknown } | null)?.code;
      const error = typeof code === 'string' && code.startsWith('SQLITE_') ? sqliteError(caught, 'database') : caught;
      spec.logger.error('api.call.failed', error, {
        method: typeof method === 'string' ? method.slice(0, 100) : typeof method,
      });
      return { ok: false, error: toFailure(error) };
    }
  };
}
