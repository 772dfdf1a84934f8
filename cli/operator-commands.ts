import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import type { RoundRecord, TaskRecord } from '../coordinator/core/records.js';
import type { RoundResults } from '../coordinator/core/round-results.js';
import { formatBudgetLines } from './format-budgets.js';
import { formatResultsTable } from './format-results.js';
import { apiTarget, callApi } from './operator-api.js';
import type { ApiTarget } from './operator-api.js';
import { ProgressBar } from './progress-bar.js';

type Out = (line: string) => void;

const API_OPTIONS = {
  api: { type: 'string', default: 'http://127.0.0.1:7480' },
  'token-file': { type: 'string' },
} as const;

function target(values: { api?: string; 'token-file'?: string }): ApiTarget {
  if (values['token-file'] === undefined) throw usage('--token-file is required');
  return apiTarget(values.api ?? '', values['token-file']);
}

function usage(message: string): CentileError {
  return new CentileError('invalid-input', 'USAGE', message);
}

/** `centile model submit --file F --name N [--task T]`: uploads an ONNX model, prints its digest. */
export async function submitModelCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...API_OPTIONS,
      file: { type: 'string' },
      name: { type: 'string' },
      owner: { type: 'string' },
      task: { type: 'string', default: 'growth.status/v1' },
    },
  });
  if (values.file === undefined || values.name === undefined)
    throw usage('--file and --name are required');
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(values.file);
  } catch {
    throw new CentileError('not-found', 'MODEL_FILE_NOT_FOUND', 'cannot read the model file');
  }
  const owner = values.owner === undefined ? '' : `&owner=${encodeURIComponent(values.owner)}`;
  const query = `?name=${encodeURIComponent(values.name)}&task=${encodeURIComponent(values.task)}${owner}`;
  const model = await callApi<{ digest: string }>(target(values), 'POST', `/v1/models${query}`, {
    bytes,
  });
  out(model.digest);
}

/** `centile round launch --model DIGEST --rho R [--dataset D] [--deadline S] [--wait]`. */
export async function launchRoundCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...API_OPTIONS,
      model: { type: 'string' },
      rho: { type: 'string', default: '0.05' },
      dataset: { type: 'string', default: 'default' },
      deadline: { type: 'string', default: '600' },
      wait: { type: 'boolean', default: false },
    },
  });
  if (values.model === undefined) throw usage('--model is required');
  const api = target(values);
  const round = await callApi<RoundRecord>(api, 'POST', '/v1/rounds', {
    json: {
      model_digest: values.model,
      rho: values.rho,
      dataset: values.dataset,
      deadline_seconds: Number(values.deadline),
    },
  });
  if (!values.wait) return out(round.id);
  await waitForRound(api, round.id);
  formatResultsTable(await fetchResults(api, round.id)).forEach(out);
}

/** `centile round status ROUND`: per-site state and progress. */
export async function roundStatusCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: API_OPTIONS, allowPositionals: true });
  const id = positionals[0];
  if (id === undefined) throw usage('round id is required');
  const status = await callApi<{ round: RoundRecord; tasks: TaskRecord[] }>(
    target(values),
    'GET',
    `/v1/rounds/${encodeURIComponent(id)}`,
  );
  out(`round ${status.round.id}: ${status.round.state} (quorum ${status.round.quorum})`);
  for (const t of status.tasks)
    out(
      `  ${t.nodeId.padEnd(16)} ${t.state.padEnd(10)} ${Math.round(t.progress * 100)}% ${t.errorCode ?? ''}`,
    );
}

/** `centile results show ROUND [--json]`: the cross-site table, and the budgets sites published. */
export async function showResultsCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { ...API_OPTIONS, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const id = positionals[0];
  if (id === undefined) throw usage('round id is required');
  const results = await fetchResults(target(values), id);
  if (values.json) out(JSON.stringify(results, null, 2));
  else {
    formatResultsTable(results).forEach(out);
    if (results.sites.some((site) => site.budget !== null))
      formatBudgetLines([results]).forEach(out);
  }
}

export function fetchResults(api: ApiTarget, roundId: string): Promise<RoundResults> {
  return callApi<RoundResults>(api, 'GET', `/v1/rounds/${encodeURIComponent(roundId)}/results`);
}

/** Polls until the round leaves `running`, drawing site progress. */
export async function waitForRound(api: ApiTarget, roundId: string): Promise<RoundRecord> {
  const bar = new ProgressBar();
  for (;;) {
    const { round, tasks } = await callApi<{ round: RoundRecord; tasks: TaskRecord[] }>(
      api,
      'GET',
      `/v1/rounds/${encodeURIComponent(roundId)}`,
    );
    const progress = tasks.reduce(
      (sum, t) => sum + (t.state === 'running' || t.state === 'pending' ? t.progress : 1),
      0,
    );
    bar.update(`round ${round.state}`, tasks.length === 0 ? 1 : progress / tasks.length);
    if (round.state !== 'running') {
      bar.done();
      return round;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
