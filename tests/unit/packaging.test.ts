/**
 * The installers' configuration (electron-builder.yml, issue 8): electron-builder
 * cannot run here (it downloads Electron), so this checks what it would be
 * given: every file it names exists, the Windows installer is an x64 NSIS
 * one in Chinese, Linux gets an AppImage and a deb, native code stays out of
 * the asar archive, and the fonts are the ones the forms look for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { bundledFonts, fontFilesOf } from '../../electron/core/forms/bundledFonts';

const root = resolve(__dirname, '..', '..');

interface Target {
  readonly target: string;
  readonly arch: readonly string[];
}

interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly directories: { readonly buildResources: string };
  readonly files: readonly string[];
  readonly extraResources: readonly { readonly from: string; readonly to: string }[];
  readonly asar: boolean;
  readonly asarUnpack: readonly string[];
  readonly npmRebuild: boolean;
  readonly win: { readonly target: readonly Target[]; readonly icon: string; readonly files: readonly string[] };
  readonly nsis: Readonly<Record<string, unknown>> & {
    readonly language: string;
    readonly installerLanguages: readonly string[];
    readonly installerIcon: string;
    readonly uninstallerIcon: string;
  };
  readonly linux: {
    readonly target: readonly string[];
    readonly icon: string;
    readonly maintainer: string;
    readonly description: string;
    readonly synopsis: string;
    readonly files: readonly string[];
  };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
};
const exists = (file: string) => existsSync(join(root, file));

describe('the installers', () => {
  it('carry the product name 学籍工作台 and the app id, as the running app names itself', () => {
    expect(config.productName).toBe('学籍工作台');
    expect(config.productName).toBe(packageJson.productName);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('are made by npm run dist, which builds the app first', () => {
    expect(packageJson.scripts['dist']).toBe('tsx build/scripts/dist.ts');
    expect(exists('build/scripts/dist.ts')).toBe(true);
    expect(packageJson.scripts['icons']).toBe('tsx build/scripts/icons.ts');
  });

  it('contain the built app: package.json’s main entry is among the packaged files', () => {
    expect(packageJson.main).toBe('out/main/index.js');
    expect(config.files).toContain('out/**');
    expect(config.files).toContain('package.json');
  });

  it('for Windows: an x64 NSIS installer in Simplified Chinese that keeps the data on uninstall', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis.language).toBe('2052');
    expect(config.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(config.nsis['oneClick']).toBe(false);
    expect(config.nsis['deleteAppDataOnUninstall']).toBe(false);
  });

  it('for Linux: an AppImage and a deb whose maintainer has an e-mail address and whose description is set', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    expect(config.linux.description.length).toBeGreaterThan(40);
    expect(config.linux.synopsis).toContain('学籍工作台');
  });
});

describe('the icons in build/', () => {
  it('exist wherever the configuration names one, with their SVG source', () => {
    expect(config.directories.buildResources).toBe('build');
    for (const icon of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.linux.icon]) {
      expect(exists(icon), icon).toBe(true);
    }
    expect(exists('build/icon.svg')).toBe(true);
  });

  it('are a 512 × 512 PNG for Linux and an ICO with every size up to 256 for Windows', () => {
    const png = readFileSync(join(root, config.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);

    const ico = readFileSync(join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => 6 + 16 * i).map((at) => ({
      size: ico.readUInt8(at) || 256,
      image: ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8)),
    }));
    expect(entries.map((entry) => entry.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, image } of entries) {
      expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(image.readUInt32BE(16)).toBe(size);
    }
  });
});

describe('the resources', () => {
  it('ship the four form fonts under the names the forms look for in resources/fonts', () => {
    for (const { from } of config.extraResources) expect(exists(from), from).toBe(true);
    const shipped = config.extraResources.map(({ to }) => to);
    expect(shipped.every((to) => to.startsWith('fonts/'))).toBe(true);
    expect(shipped.map((to) => basename(to)).sort()).toEqual(
      fontFilesOf(bundledFonts('/fonts'))
        .map((file) => basename(file))
        .sort(),
    );
    // The same files the unpackaged app reads from node_modules.
    expect(config.extraResources.map(({ from }) => join(root, from)).sort()).toEqual(
      fontFilesOf(bundledFonts()).sort(),
    );
    expect(config.files).toContain('!node_modules/@expo-google-fonts/**');
  });

  it('keep native code out of the asar archive: the database module and sharp with its platform packages', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', '**/node_modules/sharp/**/*', '**/node_modules/@img/**/*']),
    );
    expect(config.npmRebuild).toBe(true);
  });

  it('include sharp’s platform package on its own platform: Windows keeps win32, Linux keeps linux', () => {
    const sharpPackage = JSON.parse(readFileSync(join(root, 'node_modules', 'sharp', 'package.json'), 'utf8')) as {
      optionalDependencies: Record<string, string>;
    };
    const platformPackages = Object.keys(sharpPackage.optionalDependencies);
    expect(platformPackages).toEqual(expect.arrayContaining(['@img/sharp-win32-x64', '@img/sharp-linux-x64']));
    expect(config.win.files.every((pattern) => pattern.startsWith('!') && !pattern.includes('win32'))).toBe(true);
    expect(config.linux.files.every((pattern) => pattern.startsWith('!') && !/linux[,}]/.test(pattern))).toBe(true);
    // The package this machine installed is there to be packaged for Linux.
    expect(exists(`node_modules/@img/sharp-${process.platform}-${process.arch}`)).toBe(true);
  });
});
