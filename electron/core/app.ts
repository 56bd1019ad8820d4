/**
 * Builds the whole application core from a data folder: the one place
 * where services are wired together. Main (Electron), the CLI and the test
 * web bridge all call `createCore`, so they run the same code.
 */
import type { ApiArgs, ApiMethod, ApiValue } from '../../shared/api';
import { apiAccess } from '../../shared/api';
import { apiArgSchemas } from '../../shared/api-schemas';
import type { AppStatus } from '../../shared/system';
import { createDispatcher, type Dispatch } from './dispatch';
import { createFileLogger, type Logger } from './log';
import { dataPaths, installationState, type OpenStorage } from './storage';
import { type RuntimeFacts, systemInfo } from './system/systemInfo';

export interface CoreOptions extends RuntimeFacts {
  readonly dataFolder: string;
  readonly logger?: Logger;
}

export interface Core {
  /** Serves one contract call from an untrusted caller. */
  readonly call: Dispatch;
  /** Closes the database, if open. */
  close(): void;
}

type Handlers = { readonly [M in ApiMethod]: (...args: ApiArgs<M>) => Promise<ApiValue<M>> | ApiValue<M> };

export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataFolder);
  const logger = options.logger ?? createFileLogger(paths.logs);
  // The unlocked session: its open storage, or null while locked or logged out.
  const session: { storage: OpenStorage | null } = { storage: null };

  const handlers: Handlers = {
    status: (): AppStatus => ({ installation: installationState(paths), unlocked: session.storage !== null }),
    systemInfo: () => systemInfo(paths, options, session.storage?.db ?? null),
  };

  const call = createDispatcher({
    access: apiAccess,
    schemas: apiArgSchemas,
    handlers,
    isUnlocked: () => session.storage !== null,
    logger,
  });

  logger.info('core.started', { appVersion: options.appVersion, dataFolder: paths.folder });
  return {
    call,
    close: () => session.storage?.db.close(),
  };
}
