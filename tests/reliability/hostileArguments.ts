/**
 * Arguments a hostile or broken renderer could send, as fast-check
 * arbitraries: anything at all (wrong types, NaN, huge strings, deep
 * nesting, prototype-pollution keys), and arguments shaped like a method's
 * own input schema but filled with hostile values, so the calls also reach
 * the services behind the schema check.
 */
import { isAbsolute, join } from 'node:path';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings that have broken programs before. */
const nastyStrings = [
  '',
  ' ',
  '\0',
  'a\0b',
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32',
  '/etc/../etc/shadow',
  'C:\\Windows\\System32\\config',
  '\\\\server\\share\\x',
  'file:///etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  '<script>alert(1)</script>',
  "'; DROP TABLE student; --",
  '${process.exit(1)}',
  '\u202e\u200b\ufeff',
  '𠀀𪚥龘',
  '王丽',
  'wangli ',
  'NaN',
  '-1',
  '1e309',
  '2026-02-30',
  '9999-99-99T99:99:99',
  'data:image/png;base64,AAAA',
  '%00%2e%2e%2f',
];

/** Plain values of every JavaScript kind that survives structured cloning, and a few that do not. */
const oddNumbers = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0,
  0.5,
  1,
  2,
  3,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  -Number.MAX_SAFE_INTEGER,
  1e-300,
);

/**
 * Strings, never naming a real folder outside `sandbox`: an absolute path
 * that exists elsewhere (“/”, “/tmp”) is moved under a missing folder of
 * the sandbox, so no backup or export lands on the test machine's disks.
 */
export function hostileString(sandbox: string): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.constantFrom(...nastyStrings),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(5_000, 70_000, 1_000_000).map((length) => 'A'.repeat(length)),
      fc.constantFrom(sandbox, join(sandbox, 'missing'), join(sandbox, '..', '..'), `${sandbox}\0/x`),
    )
    .map((text) =>
      isAbsolute(text) && existsSync(text) && !text.startsWith(sandbox) ? join(sandbox, 'none', text) : text,
    );
}

/** A value of any kind, nested up to a few levels, with prototype-pollution keys among the keys. */
export function anyValue(sandbox: string): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    hostileString(sandbox),
    oddNumbers,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt().map((value) => value), // not cloneable over IPC, but a caller in core could still send it
    fc.date({ noInvalidDate: false }),
  );
  const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'then'), fc.string());
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  }));
  return fc.oneof(
    value,
    deeplyNested(),
    fc.constantFrom(10_000, 100_000).map((length) => Array.from({ length }, (_, i) => i)),
    pollutedObject(),
  );
}

/** An object nested hundreds of levels deep. */
function deeplyNested(): fc.Arbitrary<unknown> {
  return fc.integer({ min: 100, max: 3000 }).map((depth) => {
    let value: unknown = { leaf: true };
    for (let i = 0; i < depth; i++) value = { nested: value, list: [value] };
    return value;
  });
}

/** `{"__proto__": {...}}` as JSON.parse builds it: an own key named __proto__, not the prototype. */
function pollutedObject(): fc.Arbitrary<unknown> {
  return fc.constantFrom(
    JSON.parse('{"__proto__": {"polluted": true, "role": "admin"}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"limit": 10, "offset": 0, "__proto__": {"isAdmin": true}}'),
  );
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  items?: z.ZodType[];
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Values shaped like `schema` (the same object keys, tuple length, enum
 * members) whose leaves are hostile: ids that do not exist or are
 * negative, strings with paths and NUL bytes, sometimes an extra key or a
 * wrong type in one place.
 */
export function shapedLike(schema: z.ZodType, sandbox: string): fc.Arbitrary<unknown> {
  const text = hostileString(sandbox);
  const wrong = anyValue(sandbox);
  const build = (node: z.ZodType, depth: number): fc.Arbitrary<unknown> => {
    const def = defOf(node);
    const shaped = ((): fc.Arbitrary<unknown> => {
      switch (def.type) {
        case 'string':
          return text;
        case 'number':
          return fc.oneof(oddNumbers, fc.integer({ min: -5, max: 12 }), fc.integer());
        case 'boolean':
          return fc.boolean();
        case 'enum':
          return fc.constantFrom(...Object.values(def.entries!));
        case 'literal':
          return fc.constantFrom(...def.values!);
        case 'optional':
          return fc.option(build(def.innerType!, depth), { nil: undefined });
        case 'nullable':
          return fc.option(build(def.innerType!, depth), { nil: null });
        case 'union':
          return fc.oneof(...def.options!.map((option) => build(option, depth + 1)));
        case 'array':
          return fc.oneof(
            fc.array(build(def.element!, depth + 1), { maxLength: depth > 2 ? 2 : 6 }),
            fc.constantFrom(5_000).map((length) => Array.from({ length }, () => 1)),
          );
        case 'tuple':
          return fc.tuple(...def.items!.map((item) => build(item, depth + 1)));
        case 'object':
          return fc
            .record(
              Object.fromEntries(Object.entries(def.shape!).map(([key, value]) => [key, build(value, depth + 1)])),
            )
            .chain((record) =>
              fc
                .option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'role'), wrong))
                .map((extra) => (extra ? withOwnKey(record, extra[0], extra[1]) : record)),
            );
        default:
          throw new Error(`no arbitrary for zod type ${def.type}`);
      }
    })();
    // Now and then one leaf of the wrong type (rarely: most calls should get past the schema).
    return fc.oneof({ weight: 40, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
  };
  return build(schema, 0);
}

/** Adds a key as an own property, even `__proto__` (as JSON.parse and structured cloning do). */
function withOwnKey(record: object, key: string, value: unknown): object {
  const copy = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}
