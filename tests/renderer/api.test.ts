/** renderer/src/api.ts: envelopes in, plain values or ApiError out. */
import { afterEach, describe, expect, it } from 'vitest';
import { apiMethods } from '../../shared/api';
import { api, ApiError, failureOf } from '../../renderer/src/api';
import { installFakeApi, readyInfo, removeFakeApi } from './fakeApi';

afterEach(removeFakeApi);

describe('the renderer API', () => {
  it('offers exactly the methods of the contract', () => {
    expect(Object.keys(api).sort()).toEqual([...apiMethods].sort());
  });

  it('unwraps a successful envelope to its value', async () => {
    installFakeApi();
    await expect(api.systemInfo()).resolves.toEqual(readyInfo);
  });

  it('throws an ApiError with the code and the Chinese message of a failure', async () => {
    installFakeApi({ status: { code: 'DATABASE_UNREADABLE', message: '数据库无法解密或已损坏。' } });
    const error = await api.status().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'DATABASE_UNREADABLE', message: '数据库无法解密或已损坏。' });
  });

  it('turns a missing window.api, a rejected call or a malformed answer into ApiError INTERNAL', async () => {
    removeFakeApi();
    await expect(api.status()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('无法连接程序核心'),
    });
    Object.defineProperty(window, 'api', {
      configurable: true,
      value: { status: () => Promise.reject(new Error('ipc gone')), systemInfo: () => Promise.resolve('<html>') },
    });
    await expect(api.status()).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(api.systemInfo()).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('程序内部出错'),
    });
  });

  it('describes any other thrown value in Chinese, never with its English text', () => {
    expect(failureOf(new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL',
      message: expect.stringContaining('程序内部出错'),
    });
  });
});
