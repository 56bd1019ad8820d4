/** A stand-in for preload's `window.api` in component tests: envelopes from canned values. */
import type { WindowApi } from '../../shared/api';
import type { ApiFailure, ApiResult } from '../../shared/errors';
import type { AppStatus, SystemInfo } from '../../shared/system';

export const readyInfo: SystemInfo = {
  versions: { app: '0.1.0', electron: null, chrome: null, node: '20.20.2', sqlite: '3.50.4' },
  dataFolder: '/home/clerk/.config/学籍工作台/data',
  installation: 'ready',
  keyring: { present: true, readable: true, slotCount: 2, hasRecoverySlot: true },
  database: { present: true, sizeBytes: 98_304, encrypted: true },
  schemaVersion: null,
  supportedSchemaVersion: 1,
  installedAt: null,
  platform: 'linux 6.1.0-28-amd64',
};

export const emptyFolderInfo: SystemInfo = {
  ...readyInfo,
  installation: 'not-set-up',
  keyring: { present: false, readable: false, slotCount: null, hasRecoverySlot: null },
  database: { present: false, sizeBytes: null, encrypted: null },
};

type Answer<T> = T | ApiFailure;

const envelope = <T>(answer: Answer<T>): ApiResult<T> =>
  typeof answer === 'object' && answer !== null && 'code' in answer && 'message' in answer
    ? { ok: false, error: answer }
    : { ok: true, value: answer as T };

export interface FakeAnswers {
  systemInfo?: Answer<SystemInfo>;
  status?: Answer<AppStatus>;
}

/** Installs a fake `window.api` answering with the given values (or failures); returns call counts. */
export function installFakeApi(answers: FakeAnswers = {}): { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const count = (method: string): void => {
    calls[method] = (calls[method] ?? 0) + 1;
  };
  const api: WindowApi = {
    systemInfo: async () => {
      count('systemInfo');
      return envelope(answers.systemInfo ?? readyInfo);
    },
    status: async () => {
      count('status');
      const info = answers.systemInfo;
      const installation = info && 'installation' in info ? info.installation : 'ready';
      return envelope(answers.status ?? { installation, unlocked: false });
    },
  };
  Object.defineProperty(window, 'api', { value: api, configurable: true });
  return { calls };
}

export function removeFakeApi(): void {
  Reflect.deleteProperty(window, 'api');
}
