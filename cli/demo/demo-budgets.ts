/**
 * The demo's privacy budgets: every site can afford the demo's rounds many
 * times over except one, which gets exactly enough for one round per
 * reference model. A last round then shows that site refusing with
 * `BUDGET_EXHAUSTED` while the others answer, and its ledger shows it spent
 * exactly its budget.
 */
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import {
  createRational,
  formatRational,
  mul,
  parseRational,
} from '../../benchmark/privacy/rational.js';

/** The site given only enough budget for the model rounds. */
export const SMALL_BUDGET_SITE = 'site-followup';

/** One round per catalog task, and one of the biased growth.status model. */
const MODEL_ROUNDS = TASK_CATALOG.length + 1;

/** Generous sites afford this many times the model rounds. */
const GENEROUS_FACTOR = 4n;

/** Total ρ of `site` when each round asks for `rho`, as an exact p/q string. */
export function demoTotalRho(site: string, rho: string): string {
  const rounds = BigInt(MODEL_ROUNDS) * (site === SMALL_BUDGET_SITE ? 1n : GENEROUS_FACTOR);
  return formatRational(mul(parseRational(rho), createRational(rounds)));
}
