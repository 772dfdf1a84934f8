import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import type { SimSiteSpec } from '../benchmark/sim/sim-site-spec.js';
import { SIM_SITES } from '../benchmark/sim/sim-site-spec.js';
import type { SimFormat } from './write-sim-site.js';
import { SIM_FORMATS, writeSimSite } from './write-sim-site.js';

/** Parsed `centile sim` options. */
export interface SimCommandOptions {
  readonly sites: number;
  readonly children: number;
  readonly seed: string;
  readonly format: SimFormat;
  readonly out: string;
}

/** One site of a `centile sim` run: its folder name, population and seed. */
export interface SimSitePlan {
  readonly name: string;
  readonly spec: SimSiteSpec;
  readonly seed: string;
}

const SITE_ORDER = [SIM_SITES.urban, SIM_SITES.lowland, SIM_SITES.followup] as const;
const MAX_SITES = 1000;
/** `generateSimSite`'s own limit. */
const MAX_CHILDREN = 10_000_000;

/**
 * `centile sim [--sites N] [--children N] [--seed S] [--format csv|fhir|omop] --out DIR`:
 * one sub-folder of DIR per site (see `simSitePlan`), each holding that
 * format's files; prints one line per site with what a node should point at.
 * Refuses non-empty site folders, so an export never mixes two runs.
 */
export async function simCommand(args: string[], out: (line: string) => void): Promise<void> {
  const options = parseSimArgs(args);
  const plans = Array.from({ length: options.sites }, (_, i) => simSitePlan(i, options.seed));
  for (const plan of plans) {
    const dir = path.join(options.out, plan.name);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new CentileError(
        'conflict',
        'SIM_OUT_NOT_EMPTY',
        `site folder ${plan.name} exists and is not empty; choose another --out`,
      );
    }
  }
  for (const plan of plans) {
    const { spec, seed } = plan;
    const target = await writeSimSite(
      spec,
      { children: options.children, seed, format: options.format },
      path.join(options.out, plan.name),
    );
    out(`${plan.name}: ${options.children} children (${options.format}) -> ${target}`);
  }
}

/**
 * Site `index` (from 0) of a run: urban, lowland, followup, then the same
 * three again with the seed suffixed `#2`, `#3`… (so no two sites hold the
 * same children) and child ids prefixed `S<n>`. The first three use the seed
 * as given, so they equal the demo's sites for that seed.
 */
export function simSitePlan(index: number, seed: string): SimSitePlan {
  const base = SITE_ORDER[index % SITE_ORDER.length] ?? SIM_SITES.urban;
  const round = Math.floor(index / SITE_ORDER.length);
  const n = index + 1;
  return {
    name: `site-${n}-${base.key}`,
    spec: round === 0 ? base : { ...base, idPrefix: `S${n}` },
    seed: round === 0 ? seed : `${seed}#${round + 1}`,
  };
}

/** Parses and checks the arguments; every problem is a `USAGE` error. */
export function parseSimArgs(args: string[]): SimCommandOptions {
  const values = parseOrUsage(args);
  if (values.out === undefined) throw usage('--out DIR is required');
  const format = SIM_FORMATS.find((f) => f === values.format);
  if (format === undefined) throw usage('--format must be csv, fhir or omop');
  return {
    sites: positiveInteger(values.sites, '--sites', MAX_SITES),
    children: positiveInteger(values.children, '--children', MAX_CHILDREN),
    seed: values.seed,
    format,
    out: values.out,
  };
}

function parseOrUsage(args: string[]): {
  out?: string | undefined;
  sites: string;
  children: string;
  seed: string;
  format: string;
} {
  try {
    return parseArgs({
      args,
      options: {
        out: { type: 'string' },
        sites: { type: 'string', default: '3' },
        children: { type: 'string', default: '3000' },
        seed: { type: 'string', default: 'centile' },
        format: { type: 'string', default: 'csv' },
      },
    }).values;
  } catch (error) {
    // node:util reports unknown options and missing values as TypeErrors.
    if (error instanceof TypeError) throw usage(error.message);
    throw error;
  }
}

function positiveInteger(text: string, name: string, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max)
    throw usage(`${name} must be an integer from 1 to ${max}`);
  return value;
}

function usage(message: string): CentileError {
  return new CentileError('invalid-input', 'USAGE', message);
}
