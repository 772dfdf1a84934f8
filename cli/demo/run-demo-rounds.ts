import { readFileSync } from 'node:fs';
import type { RoundResults } from '../../coordinator/core/round-results.js';
import { formatBudgetLines } from '../format-budgets.js';
import { formatResultsTable } from '../format-results.js';
import type { LeaderboardRow } from '../../coordinator/core/leaderboard.js';
import { callApi, publicApiTarget } from '../operator-api.js';
import { submitSealedModel } from '../owner/submit-sealed-model.js';
import type { ApiTarget } from '../operator-api.js';
import { fetchResults, waitForRound } from '../operator-commands.js';
import { SMALL_BUDGET_SITE } from './demo-budgets.js';
import { DEMO_DATASET } from './demo-layout.js';
import type { DemoModelFile } from './prepare-demo.js';

type Out = (line: string) => void;

/** A round the demo launched, for the closing lines. */
export interface DemoRound {
  readonly id: string;
  readonly model: DemoModelFile;
}

/**
 * As the models' owner (`owner` signs every request): seals and submits
 * every model and launches one round each, all at once (the nodes score
 * them side by side), then prints each round's results table in the order
 * of `models` as it finishes. Then one more round of the first model, which
 * the site with the small budget refuses (demo-budgets.ts) while the others
 * answer, and every site's budget as published. Finally the owner publishes
 * the model rounds and the public leaderboard is shown.
 */
export async function runDemoRounds(
  api: ApiTarget,
  models: readonly DemoModelFile[],
  rho: string,
  step: (what: string) => void,
  out: Out,
): Promise<DemoRound[]> {
  step(`submitting ${models.length} models and launching one round each`);
  const rounds: DemoRound[] = [];
  const digests: string[] = [];
  for (const model of models) {
    digests.push(await submitModel(api, model));
    rounds.push({ id: await launchRound(api, digests.at(-1) as string, rho), model });
  }
  const results: RoundResults[] = [];
  for (const round of rounds) results.push(await showRound(api, round, step, out));
  const [first] = models;
  const [firstDigest] = digests;
  if (first !== undefined && firstDigest !== undefined) {
    step(`one more ${first.name} round: ${SMALL_BUDGET_SITE} has spent its whole budget`);
    // A quorum of all sites but one, so the round completes without the refusing site.
    const quorum = Math.max(1, (results[0]?.sites.length ?? 1) - 1);
    const extra = { id: await launchRound(api, firstDigest, rho, quorum), model: first };
    rounds.push(extra);
    results.push(await showRound(api, extra, step, out));
  }
  formatBudgetLines(results).forEach(out);
  out('');
  await publishModelRounds(api, rounds.slice(0, models.length), out);
  return rounds;
}

/** The owner publishes its model rounds; then what anyone sees on the leaderboard. */
async function publishModelRounds(api: ApiTarget, rounds: readonly DemoRound[], out: Out) {
  for (const round of rounds) await callApi(api, 'POST', `/v1/rounds/${round.id}/publish`);
  const rows = await callApi<LeaderboardRow[]>(
    publicApiTarget(api.baseUrl),
    'GET',
    '/v1/leaderboard',
  );
  out('Public leaderboard (published by the owner; GET /v1/leaderboard needs no credential):');
  for (const row of rows) {
    const value = row.value === null ? 'n/a' : row.value.toFixed(3);
    const over = `over ${row.estimated_outputs}/${row.outputs} outputs`;
    out(`  ${row.task.padEnd(24)} ${row.model.padEnd(28)} ${row.metric} ${value} ${over}`);
  }
  out('');
}

async function showRound(
  api: ApiTarget,
  round: DemoRound,
  step: (what: string) => void,
  out: Out,
): Promise<RoundResults> {
  await waitForRound(api, round.id);
  step(`round finished: ${round.model.name} (${round.model.kind})`);
  const results = await fetchResults(api, round.id);
  out('');
  formatResultsTable(results).forEach(out);
  out('');
  return results;
}

/** Seals `model` for the nodes and submits it; its digest. */
async function submitModel(api: ApiTarget, model: DemoModelFile): Promise<string> {
  const submitted = await submitSealedModel(api, readFileSync(model.file), {
    name: model.name,
    benchmarkTask: model.task,
  });
  return submitted.digest;
}

async function launchRound(
  api: ApiTarget,
  digest: string,
  rho: string,
  quorum?: number,
): Promise<string> {
  const round = await callApi<{ id: string }>(api, 'POST', '/v1/rounds', {
    json: {
      model_digest: digest,
      rho,
      dataset: DEMO_DATASET,
      deadline_seconds: 300,
      ...(quorum === undefined ? {} : { quorum }),
    },
  });
  return round.id;
}
