/**
 * Main and preload bind the contract (DESIGN.md §2), checked under Node
 * with the `electron` module mocked: every method has exactly one channel,
 * preload exposes exactly the method list, and an untrusted sender is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { apiChannel, apiMethods } from '../../shared/api';
import { createMemoryLogger } from '../../electron/core/log';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke: (...args: unknown[]) => invoke(...args) },
}));

describe('preload', () => {
  it('exposes window.api with exactly the contract methods, each on its own channel', async () => {
    await import('../../electron/preload/index');
    const api = exposed['api'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
    await expect(api['login']!({ userName: 'a', password: 'b' })).resolves.toEqual({ ok: true, value: 'from main' });
    expect(invoke).toHaveBeenCalledWith('api:login', [{ userName: 'a', password: 'b' }]);
  });
});

describe('main IPC binding', () => {
  async function bound() {
    const { bindApi } = await import('../../electron/main/ipc');
    const handlers = new Map<string, (event: unknown, args: unknown) => unknown>();
    const ipcMain = { handle: (channel: string, handler: never) => handlers.set(channel, handler) };
    const mainFrame = { url: 'file:///app/out/renderer/index.html#/login' };
    const call = vi.fn(async (..._args: unknown[]) => ({ ok: true as const, value: 1 }));
    bindApi(ipcMain as never, {
      core: { call, close: () => undefined },
      logger: createMemoryLogger(),
      window: () => ({ mainFrame }) as never,
      appUrl: 'file:///app/out/renderer/index.html',
    });
    return { handlers, call, mainFrame };
  }

  it('registers one handler per method and forwards trusted calls to core', async () => {
    const { handlers, call, mainFrame } = await bound();
    expect([...handlers.keys()].sort()).toEqual(apiMethods.map(apiChannel).sort());
    await handlers.get('api:status')!({ senderFrame: mainFrame }, []);
    expect(call).toHaveBeenCalledWith('status', []);
  });

  it('refuses a call from a frame that is not our top frame', async () => {
    const { handlers, call } = await bound();
    const result = await handlers.get('api:status')!({ senderFrame: { url: 'https://evil.example/' } }, []);
    expect(result).toMatchObject({ ok: false, error: { message: '请求来源不可信，已拒绝。' } });
    expect(call).not.toHaveBeenCalled();
  });
});
