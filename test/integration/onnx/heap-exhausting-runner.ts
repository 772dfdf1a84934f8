/**
 * A stand-in for onnx-runner that greets, then on its first request fills
 * its JavaScript heap until V8 gives up at --max-old-space-size: the node
 * must report MODEL_MEMORY_EXCEEDED, not a crash.
 */
import type { RunnerResponse } from '../../../node/onnx/runner-protocol.js';

const kept: number[][] = [];
process.on('message', () => {
  for (;;) kept.push(new Array<number>(1 << 20).fill(1.5));
});
process.send?.({ type: 'ready' } satisfies RunnerResponse);
