/**
 * The fonts every form is set in (DESIGN.md §6): Noto Serif SC for values and
 * Noto Sans SC for labels, regular and bold. The packaged app finds the four
 * TTF files in its resources' `fonts/` folder (electron-builder.yml copies them
 * there under the same names); the dev app, the tests and the bench resolve
 * them in the npm font packages.
 */
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { formFonts } from './formData';

export interface FontPair {
  readonly normal: string;
  readonly bold: string;
}

export type BundledFamily = typeof formFonts.body | typeof formFonts.label;

/** Package file of each family and weight; keep electron-builder.yml's extraResources in step. */
const packageFiles: Readonly<Record<BundledFamily, FontPair>> = {
  [formFonts.body]: {
    normal: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
  [formFonts.label]: {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};

/** The families' names as the administrator reads them (系统信息, 学校信息). */
export const bundledFamilyNames: readonly string[] = ['Noto Serif SC', 'Noto Sans SC'];

/** The four files by family: from `fontFolder` when given (the packaged app), else from node_modules. */
export function bundledFonts(fontFolder?: string): Readonly<Record<BundledFamily, FontPair>> {
  const locate = fontFolder
    ? (file: string) => join(fontFolder, basename(file))
    : (file: string) => createRequire(import.meta.url).resolve(file);
  const pair = ({ normal, bold }: FontPair): FontPair => ({ normal: locate(normal), bold: locate(bold) });
  return {
    [formFonts.body]: pair(packageFiles[formFonts.body]),
    [formFonts.label]: pair(packageFiles[formFonts.label]),
  };
}

/** Every file of `bundledFonts`, regular and bold of each family. */
export const fontFilesOf = (fonts: Readonly<Record<BundledFamily, FontPair>>): string[] =>
  Object.values(fonts).flatMap(({ normal, bold }) => [normal, bold]);
