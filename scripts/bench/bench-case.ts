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
