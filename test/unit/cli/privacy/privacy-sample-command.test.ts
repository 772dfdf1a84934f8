import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { formatRational } from '../../../../benchmark/privacy/rational.js';
import type { SampleNoise } from '../../../../cli/privacy/privacy-sample-command.js';
import {
  MAX_SAMPLE_COUNT,
  parseSampleArgs,
  privacySampleCommand,
} from '../../../../cli/privacy/privacy-sample-command.js';

function noiseText(noise: SampleNoise): string {
  return noise.mechanism === 'gaussian'
    ? `gaussian sigma2=${formatRational(noise.sigma2)}`
    : `laplace scale=${formatRational(noise.scale)}`;
}

describe('centile privacy sample', () => {
  const base = ['--value', '5', '--count', '3'];

  it('derives exact noise parameters from the accounting functions', () => {
    const gaussian = parseSampleArgs([
      ...['--mechanism', 'gaussian', '--sensitivity', '3', '--rho', '0.05', ...base],
    ]);
    // σ² = N²/(2ρ) = 9/(1/10) = 90
    assert.equal(noiseText(gaussian.noise), 'gaussian sigma2=90');
    assert.equal(gaussian.value, 5n);
    assert.equal(gaussian.count, 3);
    const laplace = parseSampleArgs([
      ...['--mechanism', 'laplace', '--sensitivity', '2', '--epsilon', '3/4', ...base],
    ]);
    // b = N/ε = 8/3
    assert.equal(noiseText(laplace.noise), 'laplace scale=8/3');
  });

  it('takes negative and very large values as bigints', () => {
    const args = ['--mechanism', 'laplace', '--sensitivity', '1', '--epsilon', '1', '--count', '1'];
    assert.equal(parseSampleArgs([...args, '--value=-12']).value, -12n);
    assert.equal(
      parseSampleArgs([...args, '--value', '99999999999999999999']).value,
      99999999999999999999n,
    );
  });

  it('accepts only --rho with gaussian and only --epsilon with laplace', () => {
    const usage = (error: unknown) => hasCode(error, 'USAGE');
    const sensitivity = ['--sensitivity', '1'];
    for (const args of [
      ['--mechanism', 'gaussian', '--epsilon', '1', ...sensitivity],
      ['--mechanism', 'gaussian', '--rho', '1', '--epsilon', '1', ...sensitivity],
      ['--mechanism', 'laplace', '--rho', '1', ...sensitivity],
      ['--mechanism', 'laplace', ...sensitivity],
      ['--mechanism', 'gaussian', ...sensitivity],
      ['--mechanism', 'uniform', '--rho', '1', ...sensitivity],
      ['--rho', '1', ...sensitivity],
      ['--mechanism', 'gaussian', '--rho', '0', ...sensitivity],
      ['--mechanism', 'laplace', '--epsilon=-1', ...sensitivity],
    ]) {
      assert.throws(() => parseSampleArgs([...args, ...base]), usage, args.join(' '));
    }
  });

  it('refuses a sensitivity below 1, non-integers and counts outside 1..1,000,000', () => {
    const usage = (error: unknown) => hasCode(error, 'USAGE');
    const gaussian = ['--mechanism', 'gaussian', '--rho', '1'];
    for (const args of [
      ['--sensitivity', '0', '--value', '0', '--count', '1'],
      ['--sensitivity', '1.5', '--value', '0', '--count', '1'],
      ['--sensitivity', '1', '--value', '0.5', '--count', '1'],
      ['--sensitivity', '1', '--value', '0', '--count', '0'],
      ['--sensitivity', '1', '--value', '0', '--count', String(MAX_SAMPLE_COUNT + 1)],
      ['--sensitivity', '1', '--count', '1'],
    ]) {
      assert.throws(() => parseSampleArgs([...gaussian, ...args]), usage, args.join(' '));
    }
  });

  it('writes K integer lines in bounded chunks, and stops when the reader goes away', async () => {
    const chunks: string[] = [];
    const args = ['--mechanism', 'laplace', '--sensitivity', '1', '--epsilon', '2'];
    await privacySampleCommand([...args, '--value=-3', '--count', '10000'], (chunk) => {
      chunks.push(chunk);
      return Promise.resolve(true);
    });
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    const lines = chunks.join('').split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 10_000);
    assert.ok(lines.every((line) => /^-?\d+$/.test(line)));
    let calls = 0;
    await privacySampleCommand([...args, '--value', '0', '--count', '100000'], () => {
      calls += 1;
      return Promise.resolve(false);
    });
    assert.equal(calls, 1);
  });
});
