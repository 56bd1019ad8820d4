import type { ApiFailure, ErrorCode } from '../../shared/errors';

/**
 * A failure the clerk can understand. `message` (inherited from Error) is the
 * English detail for the log; `userMessage` is the Chinese text for the
 * screen. Only `toFailure()` crosses to the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: string,
    detail: string,
    options?: { cause?: unknown; fields?: Readonly<Record<string, string>> },
  ) {
    super(detail, options);
    this.name = 'AppError';
    this.fields = options?.fields;
  }

  /** For FIELD_ERRORS: the message of each invalid field. */
  readonly fields: Readonly<Record<string, string>> | undefined;

  toFailure(): ApiFailure {
    return this.fields
      ? { code: this.code, message: this.userMessage, fields: this.fields }
      : { code: this.code, message: this.userMessage };
  }
}

const internalMessage = '程序内部出错，本次操作没有保存任何内容。详细信息已写入日志，请联系技术支持。';

/** Turns anything thrown into a failure the renderer may see. */
export function toFailure(error: unknown): ApiFailure {
  return error instanceof AppError ? error.toFailure() : { code: 'INTERNAL', message: internalMessage };
}

/** Node's file-system error codes that mean "cannot write here" or "no room". */
export function fileSystemError(error: unknown, what: string): AppError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'READ_ONLY',
      `无法写入${what}：数据文件夹是只读的或没有写入权限。请检查磁盘和文件夹权限后重试。`,
      `${what}: ${String((error as Error).message)}`,
      { cause: error },
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'DISK_FULL',
      `无法写入${what}：磁盘空间已满。请清理磁盘空间后重试，已有数据没有改动。`,
      `${what}: ${String((error as Error).message)}`,
      { cause: error },
    );
  }
  return null;
}
