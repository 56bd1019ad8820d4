import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The technical log (not the audit log): one JSON line per event in
 * `logs/xuejidesk.log` of the data folder, where support staff find the
 * precise English detail behind a Chinese message. Never log passwords,
 * keys or student data here.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, error: unknown, fields?: Record<string, unknown>): void;
}

export function createFileLogger(logFolder: string): Logger {
  const file = join(logFolder, 'xuejidesk.log');
  const write = (level: string, event: string, fields: Record<string, unknown>): void => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
    try {
      mkdirSync(logFolder, { recursive: true });
      appendFileSync(file, `${line}\n`);
    } catch {
      // A read-only or full disk must not turn a clear message into a crash;
      // stderr still carries the line.
      process.stderr.write(`${line}\n`);
    }
  };
  return {
    info: (event, fields = {}) => write('info', event, fields),
    error: (event, error, fields = {}) => write('error', event, { ...fields, ...describe(error) }),
  };
}

/** A logger that keeps lines in memory: for tests and the CLI's read-only commands. */
export function createMemoryLogger(): Logger & { readonly lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    info: (event, fields = {}) => lines.push({ level: 'info', event, ...fields }),
    error: (event, error, fields = {}) => lines.push({ level: 'error', event, ...fields, ...describe(error) }),
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error: error.name, detail: error.message, stack: error.stack, code: (error as { code?: unknown }).code };
  }
  return { detail: String(error) };
}
