/**
 * `centile privacy sample`: noisy copies of one integer from the node's own
 * exact samplers and libsodium randomness, so anyone can audit the noise
 * distribution (histogram it, compare its variance) without running a round.
 * The path to noise is the release path's: exact rational parameters from
 * the accounting functions, bigint sampling, no float anywhere.
 */
import { parseArgs } from 'node:util';
import {
  gaussianSigma2ForRho,
  laplaceScaleForEpsilon,
} from '../../benchmark/privacy/accounting.js';
import type { RandomSource } from '../../benchmark/privacy/random-source.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { createSodiumRandomSource } from '../../node/privacy/random-source.js';
import { sampleDiscreteGaussian, sampleDiscreteLaplace } from '../../node/privacy/samplers.js';
import type { ChunkWriter } from './chunk-writer.js';
import {
  parseIntegerArg,
  parsePositiveRationalArg,
  requireArg,
  usageError,
} from './privacy-args.js';

/** Most values one run prints. */
export const MAX_SAMPLE_COUNT = 1_000_000;
const LINES_PER_CHUNK = 4096;

/** The noise of one run: σ² of the discrete Gaussian or scale b of the discrete Laplace, exact. */
export type SampleNoise =
  | { readonly mechanism: 'gaussian'; readonly sigma2: Rational }
  | { readonly mechanism: 'laplace'; readonly scale: Rational };

/** A validated `privacy sample` request. */
export interface SamplePlan {
  readonly noise: SampleNoise;
  readonly value: bigint;
  readonly count: number;
}

const OPTIONS = {
  mechanism: { type: 'string' },
  sensitivity: { type: 'string' },
  rho: { type: 'string' },
  epsilon: { type: 'string' },
  value: { type: 'string' },
  count: { type: 'string' },
} as const;

/**
 * Parses the flags. Gaussian takes --rho (σ² = N²/(2ρ)), Laplace takes
 * --epsilon (b = N/ε); any other combination is a `USAGE` error.
 */
export function parseSampleArgs(args: string[]): SamplePlan {
  const { values } = parseArgs({ args, options: OPTIONS });
  const required = (name: keyof typeof OPTIONS) => requireArg(values[name], `--${name}`);
  const sensitivity = parseIntegerArg(required('sensitivity'), '--sensitivity', { min: 1n });
  const noise = parseNoise(values, sensitivity);
  const value = parseIntegerArg(required('value'), '--value');
  const max = BigInt(MAX_SAMPLE_COUNT);
  const count = Number(parseIntegerArg(required('count'), '--count', { min: 1n, max }));
  return { noise, value, count };
}

/** Exact noise parameters from the accounting functions that also price releases. */
function parseNoise(
  values: { mechanism?: string; rho?: string; epsilon?: string },
  sensitivity: bigint,
): SampleNoise {
  if (values.mechanism === 'gaussian') {
    if (values.epsilon !== undefined) throw usageError('gaussian takes --rho, not --epsilon');
    const rho = parsePositiveRationalArg(requireArg(values.rho, '--rho'), '--rho');
    return { mechanism: 'gaussian', sigma2: gaussianSigma2ForRho(sensitivity * sensitivity, rho) };
  }
  if (values.mechanism === 'laplace') {
    if (values.rho !== undefined) throw usageError('laplace takes --epsilon, not --rho');
    const epsilon = parsePositiveRationalArg(requireArg(values.epsilon, '--epsilon'), '--epsilon');
    return { mechanism: 'laplace', scale: laplaceScaleForEpsilon(sensitivity, epsilon) };
  }
  throw usageError('--mechanism must be gaussian or laplace');
}

function drawNoise(noise: SampleNoise, rng: RandomSource): bigint {
  return noise.mechanism === 'gaussian'
    ? sampleDiscreteGaussian(noise.sigma2, rng)
    : sampleDiscreteLaplace(noise.scale, rng);
}

/**
 * `centile privacy sample --mechanism gaussian|laplace --sensitivity N
 * (--rho R | --epsilon E) --value V --count K`: K values V + noise, one per
 * line, written in chunks so K may be large.
 */
export async function privacySampleCommand(args: string[], write: ChunkWriter): Promise<void> {
  const { noise, value, count } = parseSampleArgs(args);
  // libsodium's CSPRNG, unseeded: the same source the node's releases use.
  const rng = await createSodiumRandomSource();
  for (let done = 0; done < count;) {
    const lines: string[] = [];
    for (; lines.length < LINES_PER_CHUNK && done < count; done++) {
      lines.push(String(value + drawNoise(noise, rng)));
    }
    if (!(await write(`${lines.join('\n')}\n`))) return;
    // A macrotask between chunks lets a closed pipe's error arrive before more work is done.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
