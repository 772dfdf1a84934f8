/**
 * The randomness port. Pure privacy code names it; only a node adapter over
 * libsodium's CSPRNG implements it in production. There is deliberately no
 * seed anywhere in this contract: reproducible noise is replayable noise.
 */

/** A source of uniform integers for the exact samplers. */
export interface RandomSource {
  /**
   * A uniform integer in [0, n). `n` must be a bigint ≥ 1; anything else
   * throws `INVALID_PRIVACY_PARAMETER`. Every call consumes fresh randomness:
   * no byte is ever handed out twice.
   */
  uniformBelow(n: bigint): bigint;
}
