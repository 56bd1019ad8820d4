/** The one application window: sandboxed, isolated, no Node, no navigation away, no new windows. */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';

export function createMainWindow(appUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: '学籍工作台',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // The renderer routes by hash; any real navigation or new window is refused.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  void window.loadURL(appUrl);
  return window;
}

// Writing to the clipboard (系统信息's "复制诊断信息", later a student's number) is the one permission the page gets.
const allowedPermissions = new Set(['clipboard-sanitized-write']);

/** No other permission (camera, notifications, …) is ever granted to the page. */
export function restrictPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowedPermissions.has(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
}
