/**
 * Main process: app lifecycle, the single-instance lock, the window, the
 * menu, and the binding of the contract to core.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { app, ipcMain } from 'electron';
import { createCore } from '../core/app';
import { createFileLogger } from '../core/log';
import { chooseFolder } from './folderDialog';
import { bindApi } from './ipc';
import { installMenu } from './menu';
import { nativeBindingPath } from './nativeBinding';
import { createMainWindow, restrictPermissions } from './window';

// The one page we load: the built renderer (dev server URL only under `electron-vite dev`).
const appUrl = process.env['ELECTRON_RENDERER_URL'] ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

if (!app.requestSingleInstanceLock()) {
  // 专人专机: one clerk, one running copy; the first window comes forward instead.
  app.quit();
} else {
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  void app.whenReady().then(() => {
    // Chromium keeps its caches in userData; our own files live in a folder of their own.
    const dataFolder = join(app.getPath('userData'), 'data');
    const logger = createFileLogger(join(dataFolder, 'logs'));
    const core = createCore({
      dataFolder,
      logger,
      appVersion: app.getVersion(),
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      // Set by `npm start` to the Electron-ABI build; packaged apps carry their own rebuilt module.
      nativeBinding: nativeBindingPath(process.env, app.isPackaged),
      // electron-builder.yml copies the form fonts there; unpackaged runs read the npm font packages.
      fontFolder: app.isPackaged ? join(process.resourcesPath, 'fonts') : undefined,
      chooseFolder: (purpose) => chooseFolder(window, purpose),
      dailyBackup: true,
    });
    bindApi(ipcMain, { core, logger, window: () => window?.webContents ?? null, appUrl });
    restrictPermissions();
    installMenu();
    window = createMainWindow(appUrl);
    window.on('closed', () => (window = null));
    app.on('will-quit', () => core.close());
  });

  app.on('window-all-closed', () => app.quit());
}
