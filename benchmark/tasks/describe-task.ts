/**
 * The reference page of a task for model owners, generated from its
 * definition (the single source of truth): `centile tasks show ID` prints
 * it and docs/tasks.md collects every task's.
 */
import { subgroupGroups } from './subgroups.js';
import type { TaskDefinition, TensorColumn } from './task-definition.js';
import { outputColumns, taskKey } from './task-definition.js';
import { releaseCellCount, releaseSensitivitySquared } from './task-release.js';

/** Markdown lines describing `task`. */
export function describeTask(task: TaskDefinition): string[] {
  const outputs = outputColumns(task);
  return [
    `## \`${taskKey(task)}\` — ${task.title}`,
    '',
    task.summary,
    '',
    `**Examples.** ${task.examples}`,
    '',
    `**Input** \`${task.inputName}\`: float32 [N, ${String(task.features.length)}], missing values NaN.`,
    '',
    ...columnTable(task.features),
    '',
    `**Output** \`${task.outputName}\`: float32 [N, ${String(outputs.length)}], ${outputMeaning(task)}.`,
    '',
    ...outputTable(task),
    '',
    `**Metrics:** ${task.metrics.join(', ')}.`,
    '',
    `**Subgroups:** ${task.subgroups.dimensions.map((d) => `${d.name} (${d.levels.join(', ')})`).join('; ')}.`,
    '',
    `**Release:** ${releaseText(task)}`,
    '',
    `**References:** ${task.references.join('; ')}.`,
  ];
}

function outputMeaning(task: TaskDefinition): string {
  return task.kind === 'binary'
    ? 'one probability in [0, 1] per label'
    : 'one predicted value per target, in its unit';
}

function columnTable(columns: readonly TensorColumn[]): string[] {
  return [
    '| # | column | meaning |',
    '| -: | --- | --- |',
    ...columns.map((c, i) => `| ${String(i)} | \`${c.name}\` | ${c.description} |`),
  ];
}

function outputTable(task: TaskDefinition): string[] {
  if (task.kind === 'binary') return columnTable(task.labels);
  return [
    '| # | target | unit | meaning | error range | APE range |',
    '| -: | --- | --- | --- | --- | --- |',
    ...task.targets.map(
      (t, i) =>
        `| ${String(i)} | \`${t.name}\` | ${t.unit} | ${t.description} | ±${String(t.maxError)} | ${t.maxApe === undefined ? '—' : `0–${String(t.maxApe)}`} |`,
    ),
  ];
}

function releaseText(task: TaskDefinition): string {
  const groups = subgroupGroups(task.subgroups).length;
  const histograms =
    task.kind === 'binary'
      ? `per label, a score histogram per class over ${String(task.scoreBins)} equal-width bins of [0, 1] plus one cell for invalid outputs`
      : `per target, a histogram of prediction − target over ${String(task.errorBins)} equal-width bins of its error range (clipped) plus one cell for invalid outputs, and for targets with an APE range a 20-bin histogram of |error| / |target|`;
  return (
    `a count of examples and, for each of ${String(groups)} groups (all examples, then each ` +
    `subgroup level), ${histograms}: ${String(releaseCellCount(task))} integer cells with ` +
    `L2² sensitivity ${String(releaseSensitivitySquared(task))} per child, noised with the ` +
    'exact discrete Gaussian.'
  );
}

/** The whole catalog's reference page (docs/tasks.md). */
export function taskReferencePage(tasks: readonly TaskDefinition[]): string {
  const intro = [
    '# Benchmark tasks',
    '',
    '<!-- Generated from benchmark/tasks by `npm run docs:tasks`; a test fails when it drifts. -->',
    '',
    'Every task takes one float32 input tensor [N, features] and gives one float32 output',
    'tensor [N, outputs]; N is dynamic. A model declares exactly these names and widths',
    '(checked before it sees any data) and may name its task in the ONNX metadata',
    '`centile.task`. One example per child: a child is the privacy unit. Nodes release',
    'only noisy histograms; every metric is computed from them by the coordinator.',
    '`centile tasks show ID` prints one task; `centile evaluate` runs one on local data.',
  ];
  return [...intro, ...tasks.flatMap((task) => ['', ...describeTask(task)])].join('\n') + '\n';
}
