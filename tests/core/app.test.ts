import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { apiAccess, apiMethods } from '../../shared/api';
import { apiArgSchemas } from '../../shared/api-schemas';
import type { SystemInfo } from '../../shared/system';
import { createCore } from '../../electron/core/app';
import { migrations } from '../../electron/core/db/migrations';
import { createMemoryLogger } from '../../electron/core/log';
import { createStorage, dataPaths } from '../../electron/core/storage';
import { setUpCore, tempFolder, testStorageOptions } from './fixtures';

const coreFor = (dataFolder: string) =>
  createCore({ dataFolder, appVersion: '9.8.7', electron: null, chrome: null, logger: createMemoryLogger() });

describe('core built from a data folder', () => {
  it('binds exactly the methods of the contract, each with a schema and an access rule', () => {
    expect(Object.keys(apiArgSchemas).sort()).toEqual([...apiMethods].sort());
    expect(Object.keys(apiAccess).sort()).toEqual([...apiMethods].sort());
  });

  it('an empty folder reports "not set up" and diagnostics without a database', async () => {
    const core = coreFor(join(tempFolder(), 'data'));
    expect(await core.call('status', [])).toEqual({ ok: true, value: { installation: 'not-set-up', session: null } });
    const info = (await core.call('systemInfo', [])) as { ok: true; value: SystemInfo };
    expect(info.value).toMatchObject({
      versions: { app: '9.8.7', electron: null, node: process.versions.node },
      installation: 'not-set-up',
      keyring: { present: false },
      database: { present: false, encrypted: null },
      schemaVersion: null,
      supportedSchemaVersion: migrations.length,
    });
  });

  it('系统信息 of an installation: encrypted database, keyring slots, SQLite version, schema hidden until unlocked', async () => {
    const folder = join(tempFolder(), 'data');
    const storage = await createStorage(
      dataPaths(folder),
      [
        { id: 'account:admin', kind: 'account', secret: 'Correct-Horse-7' },
        { id: 'recovery', kind: 'recovery', secret: 'R' },
      ],
      testStorageOptions(),
    );
    storage.db.close();
    const info = (await coreFor(folder).call('systemInfo', [])) as { ok: true; value: SystemInfo };
    const sqlite = new Sqlite(':memory:');
    expect(info.value).toMatchObject({
      dataFolder: folder,
      installation: 'ready',
      keyring: { present: true, readable: true, slotCount: 2, hasRecoverySlot: true },
      database: { present: true, encrypted: true },
      schemaVersion: null,
      versions: { sqlite: sqlite.prepare('SELECT sqlite_version()').pluck().get() },
    });
    expect(info.value.database.sizeBytes).toBeGreaterThan(0);
  });

  it('once unlocked, 系统信息 adds the schema version, installation time and the access log state', async () => {
    const t = await setUpCore();
    await t.call('verifyAuditLog');
    const info = await t.call('systemInfo');
    expect(info).toMatchObject({
      schemaVersion: migrations.length,
      installedAt: expect.stringMatching(/^2026-09-01T/),
      auditLog: { rows: 3, lastVerificationOk: true, lastVerifiedAt: expect.any(String) },
    });
    await t.call('lockSession');
    expect((await t.call('systemInfo')).schemaVersion).toBeNull();
  });
});
