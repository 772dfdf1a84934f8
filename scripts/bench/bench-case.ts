/**
 * The shape of one benchmark of `npm run bench`. Each case measures one
 * figure the issue sets a target for, and where it makes sense the cost of
 * the same work's floor (e.g. merely reading the file), so the printed
 * ratios stay meaningful on a slower or busier machine.
 */

/** What a case may use while it runs. */
export interface BenchContext {
  /** `--full`: the full sizes (slower), instead of quick defaults. */
  readonly full: boolean;
  /** A scratch folder for generated files, deleted after the run. */
  readonly workDir: string;
  /** Progress for people watching; goes to stderr, never into the figures. */
  log(message: string): void;
  /** A long-format Sim CSV file with exactly `measurements` rows, made once per run and size. */
  simCsv(measurements: number): Promise<SimCsvFile>;
}

/** A generated long CSV file. */
export interface SimCsvFile {
  readonly path: string;
  readonly measurements: number;
  readonly bytes: number;
}

/** The work's floor: the same input handled by the least possible work. */
export interface BenchFloor {
  /** What the floor does, e.g. `fs.readFile + count newlines`. */
  readonly what: string;
  /** The floor's own figure, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** How many times the measured work costs the floor (≥ 1; lower is better). */
  readonly ratio: number;
}

/** One measured figure. */
export interface BenchFigure {
  readonly value: number;
  readonly unit: string;
  /** The target, in `unit`. */
  readonly target: number;
  /** Whether a larger value is better (throughput) or a smaller one (memory). */
  readonly better: 'higher' | 'lower';
  readonly floor?: BenchFloor;
  /** Anything else worth recording (sizes, repetitions, raw times). */
  readonly details: Readonly<Record<string, number | string>>;
}

/** A benchmark: a stable name (used as JSON key and by `--only`) and how to run it. */
export interface BenchCase {
  readonly name: string;
  /** One line for the table, e.g. `CSV ingest, one core`. */
  readonly title: string;
  run(context: BenchContext): Promise<BenchFigure>;
}

/** How far a figure is from its target: ≥ 1 meets it, whichever direction is better. */
export function targetRatio(figure: BenchFigure): number {
  return figure.better === 'higher' ? figure.value / figure.target : figure.target / figure.value;
}

/** A throughput measured next to its floor: `count` items in `ms`, the floor's pass in `floorMs`. */
export interface ThroughputTiming {
  readonly count: number;
  readonly ms: number;
  readonly floorMs: number;
}

/** The figure of a throughput case: items per second, with the floor as a ratio of times. */
export function throughputFigure(
  timing: ThroughputTiming,
  spec: { unit: string; target: number; floorWhat: string; floorUnit: string },
  details: Readonly<Record<string, number | string>>,
): BenchFigure {
  const perSecond = (ms: number): number => timing.count / (ms / 1000);
  return {
    value: perSecond(timing.ms),
    unit: spec.unit,
    target: spec.target,
    better: 'higher',
    floor: {
      what: spec.floorWhat,
      value: perSecond(timing.floorMs),
      unit: spec.floorUnit,
      ratio: timing.ms / timing.floorMs,
    },
    details,
  };
}
