/**
 * The one API contract between the renderer and core (DESIGN.md §2).
 *
 * Declared once here; main binds it to core, preload exposes it as
 * `window.api`, the test web bridge serves it, and the renderer calls it
 * through `renderer/src/api.ts`. The compiler proves `apiAccess` names every
 * method of `XuejiApi` and nothing else; core proves the same for its input
 * schemas (`shared/api-schemas.ts`) and handlers.
 *
 * Everything crossing this boundary is plain data (structured-clone safe)
 * and read-only.
 */
import type { ApiResult } from './errors';
import type { AppStatus, SystemInfo } from './system';

export interface XuejiApi {
  /** Whether the installation is set up and a session is unlocked. */
  status(): Promise<AppStatus>;
  /** 系统信息: versions, data folder, database and keyring facts for support staff. */
  systemInfo(): Promise<SystemInfo>;
}

export type ApiMethod = keyof XuejiApi;
export type ApiArgs<M extends ApiMethod> = Parameters<XuejiApi[M]>;
export type ApiValue<M extends ApiMethod> = Awaited<ReturnType<XuejiApi[M]>>;

/**
 * Who may call a method: `public` ones work before login (status, the
 * diagnostics page, login itself); `session` ones need an unlocked session,
 * checked in core, never in the UI.
 */
export type MethodAccess = 'public' | 'session';

export const apiAccess = {
  status: 'public',
  // Public on purpose: support staff open it when nobody can log in; it
  // shows no student data, and the schema version only once unlocked.
  systemInfo: 'public',
} as const satisfies { readonly [M in ApiMethod]: MethodAccess };

/** Every method of the contract, in declaration order. */
export const apiMethods = Object.keys(apiAccess) as readonly ApiMethod[];

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiAccess, name);
}

/**
 * `window.api` as preload exposes it (and the test bridge's shim): one
 * function per method, resolving to the envelope. Only
 * `renderer/src/api.ts` touches it.
 */
export type WindowApi = {
  readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiResult<ApiValue<M>>>;
};

/** The IPC channel of one method: one channel each, allow-listed, no generic invoke. */
export function apiChannel(method: ApiMethod): string {
  return `api:${method}`;
}
