import { strict as assert } from 'node:assert';
import { parseBase64Bytes, toBase64 } from '../../../keys/base64.js';

describe('keys/base64', () => {
  it('round-trips bytes', () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const text = toBase64(bytes);
    assert.deepEqual(parseBase64Bytes(text, 32), bytes);
  });

  it('encodes a subarray view, not its whole buffer', () => {
    const whole = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    assert.equal(toBase64(whole.subarray(2, 5)), 'AwQF');
  });

  it('rejects the wrong length, bad characters, missing padding and non-zero padding bits', () => {
    const text = toBase64(new Uint8Array(32).fill(9));
    assert.equal(parseBase64Bytes(text, 31), undefined);
    assert.equal(parseBase64Bytes(`${text.slice(0, -2)}!=`, 32), undefined);
    assert.equal(parseBase64Bytes(text.slice(0, -1), 32), undefined);
    assert.equal(parseBase64Bytes(` ${text}`, 32), undefined);
    // 'AQ==' is [1]; 'AR==' decodes to the same byte with stray padding bits.
    assert.deepEqual(parseBase64Bytes('AQ==', 1), Uint8Array.from([1]));
    assert.equal(parseBase64Bytes('AR==', 1), undefined);
  });
});
