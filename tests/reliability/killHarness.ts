/**
 * The one kill harness of the reliability suite: a child process
 * (`crashChild.ts`) runs an operation on a copy of a prepared installation
 * and is killed with SIGKILL (no chance to clean up) at a random moment of
 * it. The moments come from a seeded generator: the seed is printed, and
 * `RELIABILITY_SEED=<seed>` replays the same moments. After each kill the
 * database is opened as the app opens it and checked.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { walkChain } from '../../electron/core/audit/auditLog';
import type { Database } from '../../electron/core/db/database';
import { dataPaths, type OpenStorage, openStorage } from '../../electron/core/storage';
import { adminPassword, testStorageOptions } from '../core/fixtures';

export const killedOperations = ['import', 'promotion', 'backup'] as const;
export type KilledOperation = (typeof killedOperations)[number];

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of one test: `RELIABILITY_SEED` when set, a fresh one otherwise; printed either way. */
export function reliabilitySeed(label: string): number {
  const given = Number(process.env.RELIABILITY_SEED);
  const seed = Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
  console.log(`[reliability] ${label}: seed ${seed} (repeat with RELIABILITY_SEED=${seed})`);
  return seed;
}

export interface KillSpec {
  readonly operation: KilledOperation;
  /** The set-up installation (administrator wangli logged out) each run copies. */
  readonly template: string;
  /** Where the runs' data folders go. */
  readonly root: string;
  /** The clock the child runs on (the promotion needs its day). */
  readonly clock: string;
  /** The operation's extra argument (the import's workbook). */
  readonly extra?: string;
  readonly runs: number;
  readonly seed: number;
}

export interface Run {
  readonly folder: string;
  /** The child finished the operation before the kill. */
  readonly finished: boolean;
  /** Milliseconds after READY the kill was sent (null: not killed). */
  readonly killAfter: number | null;
  /** Milliseconds from READY to DONE (to the exit, when killed first): how long the operation took. */
  readonly ranFor: number;
}

/** Children at once: each spends most of its life starting up. */
const parallel = 4;

/** Starts a child on a copy of the template; resolves once it has exited. */
function runChild(spec: KillSpec, name: string, killAfter: number | null): Promise<Run> {
  const folder = join(spec.root, `${spec.operation}-${name}`);
  cpSync(spec.template, folder, { recursive: true });
  const args = [spec.operation, folder, 'wangli', adminPassword, spec.clock, ...(spec.extra ? [spec.extra] : [])];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crashChild.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  let readyAt: number | null = null;
  let doneAt: number | null = null;
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyAt === null && output.includes('READY')) {
        readyAt = performance.now();
        if (killAfter !== null) setTimeout(() => child.kill('SIGKILL'), killAfter).unref();
      }
      if (doneAt === null && output.includes('DONE')) doneAt = performance.now();
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`${spec.operation} child failed: ${errors}`));
      else
        resolve({
          folder,
          finished: doneAt !== null,
          killAfter,
          ranFor: (doneAt ?? performance.now()) - (readyAt ?? 0),
        });
    });
  });
}

/**
 * One run without a kill (how long the operation takes here, READY to
 * DONE), then `runs` runs killed at seeded random moments of that span.
 */
export async function killAtRandomMoments(spec: KillSpec): Promise<{ calibration: Run; killed: Run[] }> {
  const calibration = await runChild(spec, 'whole', null);
  const random = seededRandom(spec.seed);
  const delays = Array.from({ length: spec.runs }, () => Math.floor(random() * calibration.ranFor));
  const killed: Run[] = [];
  for (let batch = 0; batch < spec.runs; batch += parallel) {
    const children = delays.slice(batch, batch + parallel).map((delay, i) => runChild(spec, `${batch + i}`, delay));
    killed.push(...(await Promise.all(children)));
  }
  return { calibration, killed };
}

export interface LeftBehind<T> {
  readonly integrity: unknown;
  readonly chainBroken: unknown;
  readonly facts: T;
}

/** Opens what a killed child left (SQLite's own recovery runs here) and reads `facts` from it. */
export async function leftBehind<T>(
  folder: string,
  facts: (db: Database, storage: OpenStorage) => T,
): Promise<LeftBehind<T>> {
  const storage = await openStorage(
    dataPaths(folder),
    { id: 'account:wangli', secret: adminPassword },
    testStorageOptions(),
  );
  try {
    const { db } = storage;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      chainBroken: walkChain(db).broken,
      facts: facts(db, storage),
    };
  } finally {
    storage.db.close();
  }
}
