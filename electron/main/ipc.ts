/** Binds every contract method to core: one IPC handler each, after the sender check. */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { apiChannel, apiMethods } from '../../shared/api';
import type { Core } from '../core/app';
import type { Logger } from '../core/log';
import { isTrustedSender } from './senderPolicy';

export interface Binding {
  readonly core: Core;
  readonly logger: Logger;
  /** The web contents of our one window, if open. */
  readonly window: () => WebContents | null;
  readonly appUrl: string;
}

export function bindApi(ipcMain: IpcMain, { core, logger, window, appUrl }: Binding): void {
  for (const method of apiMethods) {
    ipcMain.handle(apiChannel(method), (event: IpcMainInvokeEvent, args: unknown) => {
      const contents = window();
      const frame = event.senderFrame;
      const trusted = isTrustedSender(
        { url: frame?.url ?? null, isOurTopFrame: contents !== null && frame !== null && frame === contents.mainFrame },
        appUrl,
      );
      if (!trusted) {
        logger.error('ipc.sender.refused', new Error('untrusted sender'), { method, url: frame?.url ?? null });
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: '请求来源不可信，已拒绝。' } };
      }
      return core.call(method, args);
    });
  }
}
