import type { ModelContract } from '../onnx/model-contract.js';
import type { TaskDefinition } from './task-definition.js';
import { outputColumns } from './task-definition.js';

/** The contract `task`'s models must satisfy before they see data: its tensor names and widths. */
export function modelContractOf(task: TaskDefinition): ModelContract {
  return {
    inputName: task.inputName,
    inputColumns: task.features.length,
    outputName: task.outputName,
    outputColumns: outputColumns(task).length,
  };
}
