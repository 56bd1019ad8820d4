/**
 * The `window.api` the web bridge gives the renderer in place of preload's:
 * one function per method of the contract, each POSTing its arguments to
 * the bridge and resolving to the envelope, exactly like preload's
 * `ipcRenderer.invoke`. Built from `apiMethods`, so it cannot drift.
 *
 * `installWindowApiShim` runs in the page: Playwright serialises it with
 * `Function.prototype.toString`, so it must not reference anything outside
 * its own body (no imports, no helpers, no named inner functions that a
 * transpiler might wrap).
 */
import { apiMethods } from '../../shared/api';

export interface ShimArg {
  readonly methods: readonly string[];
  readonly token: string;
}

export function installWindowApiShim(arg: ShimArg): void {
  const api = Object.fromEntries(
    arg.methods.map((method) => [
      method,
      (...args: unknown[]) =>
        fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bridge-token': arg.token },
          body: JSON.stringify(args),
        }).then((response) => response.json()),
    ]),
  );
  // Frozen and non-writable, like contextBridge.exposeInMainWorld's result.
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), enumerable: true });
}

/** Arguments for `page.addInitScript(installWindowApiShim, shimArg(token))`. */
export function shimArg(token: string): ShimArg {
  return { methods: [...apiMethods], token };
}

/** The same shim as one self-contained script, for tools that take source text. */
export function windowApiShimSource(token: string): string {
  return `(${installWindowApiShim.toString()})(${JSON.stringify(shimArg(token))});`;
}
