import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/dispatch';
import { AppError } from '../../electron/core/errors';
import { createMemoryLogger } from '../../electron/core/log';

/** A small contract of its own, so the dispatcher is tested apart from the real methods and sessions. */
function dispatcher(unlocked: boolean) {
  const logger = createMemoryLogger();
  const call = createDispatcher({
    access: { hello: 'public', secret: 'signed-in', boom: 'public' },
    schemas: {
      hello: z.tuple([z.object({ name: z.string().max(10) })]),
      secret: z.tuple([]),
      boom: z.tuple([z.string()]),
    },
    handlers: {
      hello: ({ name }: { name: string }) => `你好，${name}`,
      secret: () => 42,
      boom: (password: string) => {
        throw new Error(`exploded near ${password.length} chars`);
      },
    },
    authorize: (access) => {
      if (access !== 'public' && !unlocked) {
        throw new AppError('SESSION_REQUIRED', '请先登录。', 'test: locked');
      }
    },
    logger,
  });
  return { call, logger };
}

describe('the contract dispatcher', () => {
  it('calls a public method with valid arguments', async () => {
    const { call } = dispatcher(false);
    expect(await call('hello', [{ name: '张三' }])).toEqual({ ok: true, value: '你好，张三' });
  });

  it('asks the authoriser before validating or calling, and returns its refusal', async () => {
    expect(await dispatcher(false).call('secret', [])).toEqual({
      ok: false,
      error: { code: 'SESSION_REQUIRED', message: '请先登录。' },
    });
    expect(await dispatcher(true).call('secret', [])).toEqual({ ok: true, value: 42 });
  });

  it.each([['__proto__'], ['constructor'], ['toString'], ['nope'], [42], [null]])(
    'refuses a method outside the contract: %s',
    async (method) => {
      expect(await dispatcher(true).call(method, [])).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    },
  );

  it.each([
    ['not an array', { name: 'x' }],
    ['missing argument', []],
    ['extra argument', [{ name: 'x' }, 1]],
    ['wrong type', [{ name: 7 }]],
    ['too long', [{ name: 'x'.repeat(11) }]],
  ])('refuses invalid arguments (%s) without calling the handler', async (_what, args) => {
    const { call, logger } = dispatcher(true);
    expect(await call('hello', args)).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '提交的内容格式不正确，没有保存任何内容。' },
    });
    expect(logger.lines[0]).toMatchObject({ level: 'error', method: 'hello' });
  });

  it('turns an unexpected failure into a Chinese message; the detail goes only to the log', async () => {
    const { call, logger } = dispatcher(true);
    const result = await call('boom', ['hunter2']);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('程序内部出错') },
    });
    expect(JSON.stringify(result)).not.toContain('exploded');
    expect(logger.lines[0]).toMatchObject({ detail: 'exploded near 7 chars', method: 'boom' });
  });

  it('never logs argument values, which may be passwords', async () => {
    const { call, logger } = dispatcher(true);
    await call('hello', [{ name: 'Secret-Password-123' }]);
    expect(JSON.stringify(logger.lines)).not.toContain('Secret-Password');
  });
});
