/**
 * Plays a node that dies while its runner is deep inside a native run:
 * starts scoring a hanging model, prints the runner's pid, and SIGKILLs
 * itself, so nothing of the node is left to kill the runner.
 */
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { buildHangingModel } from '../../helpers/onnx-hostile-models.js';

const scorer = await OnnxScorer.create({ timeoutMs: 600_000, maxModelBytes: 1 << 20 });
await scorer.load(buildHangingModel(), modelContractOf(GROWTH_STATUS));
void scorer.score(new Float32Array(6), 1);
setImmediate(() => {
  process.stdout.write(`${scorer.pid}\n`, () => process.kill(process.pid, 'SIGKILL'));
});
