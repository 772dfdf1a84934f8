import { readFileSync } from 'node:fs';
import { formatResultsTable } from '../format-results.js';
import { callApi } from '../operator-api.js';
import type { ApiTarget } from '../operator-api.js';
import { fetchResults, waitForRound } from '../operator-commands.js';
import { DEMO_DATASET } from './demo-layout.js';
import type { DemoModelFile } from './prepare-demo.js';

type Out = (line: string) => void;

/** A round the demo launched, for the closing lines. */
export interface DemoRound {
  readonly id: string;
  readonly model: DemoModelFile;
}

/**
 * Submits every model and launches one round each, all at once (the nodes
 * score them side by side), then prints each round's results table in the
 * order of `models` as it finishes.
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
  for (const model of models) rounds.push({ id: await launchRound(api, model, rho), model });
  for (const round of rounds) {
    await waitForRound(api, round.id);
    step(`round finished: ${round.model.name} (${round.model.kind})`);
    out('');
    formatResultsTable(await fetchResults(api, round.id)).forEach(out);
    out('');
  }
  return rounds;
}

async function launchRound(api: ApiTarget, model: DemoModelFile, rho: string): Promise<string> {
  const query = `?name=${encodeURIComponent(model.name)}&task=${encodeURIComponent(model.task)}`;
  const { digest } = await callApi<{ digest: string }>(api, 'POST', `/v1/models${query}`, {
    bytes: readFileSync(model.file),
  });
  const round = await callApi<{ id: string }>(api, 'POST', '/v1/rounds', {
    json: { model_digest: digest, rho, dataset: DEMO_DATASET, deadline_seconds: 300 },
  });
  return round.id;
}
