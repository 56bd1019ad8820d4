/**
 * Preload: exposes exactly the contract's methods as `window.api`, one
 * allow-listed IPC channel each. The renderer never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiChannel, apiMethods, type WindowApi } from '../../shared/api';

const api = Object.fromEntries(
  apiMethods.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(apiChannel(method), args)]),
) as unknown as WindowApi;

contextBridge.exposeInMainWorld('api', api);
