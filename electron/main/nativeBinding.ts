/**
 * Which build of the database module main hands to core (DESIGN.md §9).
 * `npm start` compiles an Electron-ABI copy and names it in this variable;
 * a packaged app carries its own module rebuilt by electron-builder and
 * ignores the variable, so nobody can make it load another native file.
 */
export const nativeBindingVariable = 'XUEJIDESK_NATIVE_BINDING';

/** The module file to load, or undefined for the package's own build. */
export function nativeBindingPath(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged) return undefined;
  return env[nativeBindingVariable] || undefined;
}
