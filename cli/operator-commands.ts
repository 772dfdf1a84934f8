import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import type { RoundRecord, TaskRecord } from '../coordinator/core/records.js';
import type { RoundResults } from '../coordinator/core/round-results.js';
import { formatBudgetLines } from './format-budgets.js';
import { formatResultsTable } from './format-results.js';
import type { LeaderboardRow } from '../coordinator/core/leaderboard.js';
import { apiTarget, callApi, ownerApiTarget, publicApiTarget } from './operator-api.js';
import { submitSealedModel } from './owner/submit-sealed-model.js';
import type { ApiTarget } from './operator-api.js';
import { ProgressBar } from './progress-bar.js';

type Out = (line: string) => void;

/** Every API command: the operator's token file, or an owner's name and key folder. */
const API_OPTIONS = {
  api: { type: 'string', default: 'http://127.0.0.1:7480' },
  'token-file': { type: 'string' },
  owner: { type: 'string' },
  'owner-keys': { type: 'string', default: 'keys' },
} as const;

type ApiValues = { api?: string; 'token-file'?: string; owner?: string; 'owner-keys'?: string };

function target(values: ApiValues): Promise<ApiTarget> {
  const api = values.api ?? '';
  if (values.owner !== undefined)
    return ownerApiTarget(api, values['owner-keys'] ?? '', values.owner);
  if (values['token-file'] === undefined) throw usage('--token-file or --owner is required');
  return Promise.resolve(apiTarget(api, values['token-file']));
}

function usage(message: string): CentileError {
  return new CentileError('invalid-input', 'USAGE', message);
}

/**
 * `centile model submit --owner NAME [--owner-keys DIR] --file F --name N [--task T] [--nodes a,b]`:
 * seals the ONNX model for the enrolled nodes (or those named) and uploads
 * only the envelope; prints the model's digest.
 */
export async function submitModelCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      ...API_OPTIONS,
      file: { type: 'string' },
      name: { type: 'string' },
      nodes: { type: 'string' },
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
  const model = await submitSealedModel(
    await target(values),
    bytes,
    { name: values.name, benchmarkTask: values.task },
    values.nodes?.split(',').filter((n) => n !== ''),
  );
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
  const api = await target(values);
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
    await target(values),
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
  const results = await fetchResults(await target(values), id);
  if (values.json) out(JSON.stringify(results, null, 2));
  else {
    formatResultsTable(results).forEach(out);
    if (results.sites.some((site) => site.budget !== null))
      formatBudgetLines([results]).forEach(out);
  }
}

/** `centile results publish ROUND --owner NAME`: the owner puts a round on the public leaderboard. */
export async function publishResultsCommand(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: API_OPTIONS, allowPositionals: true });
  const id = positionals[0];
  if (id === undefined) throw usage('round id is required');
  const round = await callApi<RoundRecord>(
    await target(values),
    'POST',
    `/v1/rounds/${encodeURIComponent(id)}/publish`,
  );
  out(`round ${round.id} is on the leaderboard`);
}

/** `centile leaderboard [--task T] [--json]`: published results, best first (no credential needed). */
export async function leaderboardCommand(args: string[], out: Out): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      api: API_OPTIONS.api,
      task: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const query = values.task === undefined ? '' : `?task=${encodeURIComponent(values.task)}`;
  const rows = await callApi<LeaderboardRow[]>(
    publicApiTarget(values.api),
    'GET',
    `/v1/leaderboard${query}`,
  );
  if (values.json) out(JSON.stringify(rows, null, 2));
  else formatLeaderboard(rows).forEach(out);
}

function formatLeaderboard(rows: readonly LeaderboardRow[]): string[] {
  if (rows.length === 0) return ['no published results yet'];
  return rows.map(
    (row) =>
      `${row.task.padEnd(24)} ${row.model.slice(0, 24).padEnd(24)} ${row.owner.padEnd(12)} ` +
      `${row.metric} ${row.value === null ? 'n/a' : row.value.toFixed(3)} ` +
      `(${row.estimated_outputs}/${row.outputs} outputs)  ` +
      `${row.sites} sites, ${row.examples} examples  round ${row.round_id}`,
  );
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
