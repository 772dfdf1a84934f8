import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { CentileError } from '../../../../benchmark/errors.js';
import {
  DEFAULT_MAX_MEMORY_BYTES,
  parseScorerOptions,
} from '../../../../node/onnx/parse-scorer-options.js';

describe('parseScorerOptions', () => {
  it('fills defaults and freezes the result', () => {
    const config = parseScorerOptions({ timeoutMs: 100, maxModelBytes: 1024 });
    assert.deepEqual(config, {
      timeoutMs: 100,
      maxModelBytes: 1024,
      maxMemoryBytes: DEFAULT_MAX_MEMORY_BYTES,
      loadTimeoutMs: 60_000,
      batchRows: 4096,
    });
    assert.equal(DEFAULT_MAX_MEMORY_BYTES, 2 * 1024 ** 3);
    assert.ok(Object.isFrozen(config));
  });

  it('keeps the values it is given', () => {
    const options = {
      timeoutMs: 1,
      maxModelBytes: 2,
      maxMemoryBytes: 3,
      loadTimeoutMs: 4,
      batchRows: 5,
    };
    assert.deepEqual(parseScorerOptions(options), options);
  });

  it('refuses every option that is not a positive integer (SCORER_OPTIONS_INVALID)', () => {
    const invalid = [0, -1, 1.5, NaN, Infinity, 2 ** 53];
    for (const value of invalid) {
      for (const name of [
        'timeoutMs',
        'maxModelBytes',
        'maxMemoryBytes',
        'loadTimeoutMs',
        'batchRows',
      ]) {
        const options = { timeoutMs: 10, maxModelBytes: 10, [name]: value };
        assert.throws(
          () => parseScorerOptions(options),
          (e) =>
            hasCode(e, 'SCORER_OPTIONS_INVALID') && (e as CentileError).kind === 'invalid-input',
          `${name} = ${value}`,
        );
      }
    }
  });
});
