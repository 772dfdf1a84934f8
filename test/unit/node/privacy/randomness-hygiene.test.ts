/**
 * Randomness hygiene of the noise path (privacy.md §9.2 D1–D3, C2), beyond
 * random-source.test.ts (direct imports of three files, lag-1 correlation,
 * one pair of direct sources) and uniform-from-bytes.test.ts (a scripted
 * byte-pool sequence): the lint ban on Math.random really applies to every
 * privacy module, no other randomness or float is reachable from the
 * samplers, draws never repeat, and under a randomised load the byte pool
 * hands every byte out at most once.
 */
import { strict as assert } from 'node:assert';
import { randomFillSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { createBytePool } from '../../../../benchmark/privacy/byte-pool.js';
import { planGaussianRelease } from '../../../../benchmark/privacy/gaussian-release.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational } from '../../../../benchmark/privacy/rational.js';
import { uniformBelowFromBytes } from '../../../../benchmark/privacy/uniform-from-bytes.js';
import { addGaussianReleaseNoise } from '../../../../node/privacy/gaussian-mechanism.js';
import { createSodiumRandomSource } from '../../../../node/privacy/random-source.js';
import { createFastRandomSource } from './fast-random-source.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const tsFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${dir}/${name}`);

/** Every module that makes, shapes or applies noise, or accounts for it. */
const PRIVACY_MODULES = [
  ...tsFiles('node/privacy'),
  ...tsFiles('benchmark/privacy'),
  'benchmark/tasks/task-release.ts',
];
/** The modules noise values pass through: integers and exact rationals only. */
const NOISE_PATH = ['node/privacy/samplers.ts', 'node/privacy/gaussian-mechanism.ts'];

/** Import specifiers of a module: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const text = read(file);
  const statics = [
    ...text.matchAll(/^(import|export)(\s+type)?\s[^;'"]*?from\s+['"]([^'"]+)['"]/gm),
  ];
  const bare = [...text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)];
  const dynamics = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)];
  return [
    ...statics.map((m) => ({ spec: m[3] ?? '', typeOnly: m[2] !== undefined })),
    ...[...bare, ...dynamics].map((m) => ({ spec: m[1] ?? '', typeOnly: false })),
  ];
}

/** Modules reachable from `entry` by relative value imports, and the packages they import. */
function importClosure(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (!spec.startsWith('.')) packages.add(spec);
      else visit(relative(ROOT, resolve(ROOT, dirname(file), spec.replace(/\.js$/, '.ts'))));
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('randomness hygiene', () => {
  it('lint bans Math.random as an error in every privacy module', async function (this: Mocha.Context) {
    this.timeout(60_000); // loading the typescript-eslint config takes a few seconds
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of PRIVACY_MODULES) {
      const config = (await eslint.calculateConfigForFile(join(ROOT, file))) as {
        rules?: Record<string, unknown[]>;
      };
      const [severity, ...bans] = config.rules?.['no-restricted-properties'] ?? [];
      assert.ok(severity === 2 || severity === 'error', `${file}: rule off`);
      assert.ok(
        bans.some((ban) => {
          const { object, property } = ban as { object?: string; property?: string };
          return object === 'Math' && property === 'random';
        }),
        `${file}: Math.random not banned`,
      );
    }
  });

  it('no privacy module names another source of randomness', () => {
    const banned =
      /Math\s*(\.\s*|\[\s*['"`])random|getRandomValues|randomBytes|randomInt|randomFill|randomUUID|createPrng|sim\/prng/;
    for (const file of PRIVACY_MODULES) {
      assert.doesNotMatch(read(file), banned, file);
      // node:crypto is there for the ledger's hash chain only: createHash and nothing else.
      for (const m of read(file).matchAll(
        /import\s*\{([^}]*)\}\s*from\s*['"](node:)?crypto['"]/g,
      )) {
        assert.deepEqual(
          m[1]?.split(',').map((name) => name.trim()),
          ['createHash'],
          file,
        );
      }
      assert.doesNotMatch(read(file), /import\s*(\*|\w+)[^;]*from\s*['"](node:)?crypto['"]/, file);
    }
  });

  it('the samplers reach no package and no float: randomness only through the RandomSource they are given', () => {
    for (const entry of NOISE_PATH) {
      const { modules, packages } = importClosure(entry);
      assert.deepEqual([...packages], [], `${entry} imports packages`);
      // The libsodium adapter is wired in by the composition root, never imported here.
      assert.ok(!modules.has('node/privacy/random-source.ts'), `${entry} imports a source`);
      assert.ok(modules.has('benchmark/privacy/rational.ts'), 'the walk follows imports');
    }
    for (const file of NOISE_PATH) {
      const text = read(file);
      assert.ok(
        importsOf(file).some((i) => i.typeOnly && i.spec.endsWith('/random-source.js')),
        `${file}: RandomSource is a type-only import`,
      );
      // No float math, conversion or module state on the noise path.
      assert.doesNotMatch(text, /\bMath\.|\bNumber\(|parseFloat|toNumber|^let\s/m, file);
    }
    const { packages } = importClosure('node/privacy/random-source.ts');
    assert.deepEqual([...packages], ['libsodium-wrappers']);
  });

  describe('draws never repeat', () => {
    const sources: Record<string, () => Promise<RandomSource>> = {
      'libsodium direct': () => createSodiumRandomSource(),
      'libsodium pooled': () => createSodiumRandomSource({ poolBytes: 4096 }),
      'fast test source': () => Promise.resolve(createFastRandomSource()),
    };
    for (const [name, create] of Object.entries(sources)) {
      it(`${name}: 2,000 draws below 2¹²⁸ are distinct, and two instances start differently`, async () => {
        const rng = await create();
        const draws = Array.from({ length: 2_000 }, () => rng.uniformBelow(2n ** 128n));
        assert.equal(new Set(draws).size, draws.length);
        const [a, b] = [await create(), await create()];
        assert.notEqual(a.uniformBelow(2n ** 128n), b.uniformBelow(2n ** 128n));
      });
    }

    it('two releases of the same counts get fresh, coordinate-wise different noise (libsodium)', async () => {
      const rng = await createSodiumRandomSource();
      const plan = planGaussianRelease(1n, createRational(1n, 20_000n)); // σ² = 10⁴
      const cells = new Array<bigint>(64).fill(0n);
      const [first, second] = [
        addGaussianReleaseNoise(cells, plan, rng),
        addGaussianReleaseNoise(cells, plan, rng),
      ];
      // Equal draws have probability ≈ 1/(2√π·σ) ≈ 0.003 per coordinate.
      assert.ok(first.filter((x, i) => x === second[i]).length < 8);
      assert.ok(new Set(first).size > 32);
    });
  });

  it('the byte pool hands every byte out at most once under a randomised load', () => {
    // Fill bytes are never 0 and the pool wipes what it hands out, so a byte handed out
    // twice would come back as 0. Requests above the pool size are filled directly and
    // must be exactly those fills; every other chunk must embed, in order and without
    // overlap, in the stream of pool-sized fills.
    const POOL_BYTES = 64;
    const pooledStream: number[] = [];
    const directFills: Uint8Array[] = [];
    const fill = (count: number): Uint8Array => {
      const bytes = randomFillSync(new Uint8Array(count)).map((b) => (b === 0 ? 1 : b));
      if (count === POOL_BYTES) pooledStream.push(...bytes);
      else directFills.push(bytes.slice());
      return bytes;
    };
    const pool = createBytePool(fill, POOL_BYTES);
    const chunks: Uint8Array[] = [];
    const recorded = (count: number): Uint8Array => {
      const chunk = pool(count);
      chunks.push(chunk.slice());
      return chunk;
    };
    const fast = createFastRandomSource();
    for (let i = 0; i < 3_000; i++) {
      // Uniform draws of 1 to 9 bytes, interleaved with raw requests up to past the pool size.
      if (fast.uniformBelow(2n) === 0n) {
        uniformBelowFromBytes(2n ** fast.uniformBelow(72n) + 1n, recorded);
      } else recorded(1 + Number(fast.uniformBelow(BigInt(POOL_BYTES + 6))));
    }
    let cursor = 0;
    let direct = 0;
    for (const chunk of chunks) {
      assert.ok(!chunk.includes(0), 'a wiped byte was handed out again');
      if (chunk.length > POOL_BYTES) assert.deepEqual(chunk, directFills[direct++]);
      else cursor = embed(pooledStream, chunk, cursor);
    }
    assert.equal(direct, directFills.length);
    assert.ok(direct > 0 && chunks.length > 3_000, 'the load exercised both paths');
  });
});

/** The end of the first occurrence of `chunk` in `stream` at or after `from`; fails if none. */
function embed(stream: readonly number[], chunk: Uint8Array, from: number): number {
  for (let start = from; start + chunk.length <= stream.length; start++) {
    if (chunk.every((byte, i) => stream[start + i] === byte)) return start + chunk.length;
  }
  return assert.fail('a chunk is not a fresh slice of the fill stream');
}
