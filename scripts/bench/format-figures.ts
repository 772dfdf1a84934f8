/** The benchmark figures as a table for people and as one JSON object for tools. */
import type { BenchCase, BenchFigure } from './bench-case.js';
import { targetRatio } from './bench-case.js';

/** One case's outcome. */
export interface BenchOutcome {
  readonly bench: BenchCase;
  readonly figure: BenchFigure;
}

/** Everything `--json` prints. */
export interface BenchReport {
  readonly node: string;
  readonly platform: string;
  readonly full: boolean;
  readonly figures: Readonly<
    Record<string, BenchFigure & { readonly targetRatio: number; readonly meetsTarget: boolean }>
  >;
}

/** The JSON form: figures keyed by case name, each with its ratio to the target. */
export function toBenchReport(outcomes: readonly BenchOutcome[], full: boolean): BenchReport {
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    full,
    figures: Object.fromEntries(
      outcomes.map(({ bench, figure }) => {
        const ratio = targetRatio(figure);
        return [bench.name, { ...figure, targetRatio: round(ratio, 3), meetsTarget: ratio >= 1 }];
      }),
    ),
  };
}

/** The table form: one row per case, ratios side by side. */
export function formatTable(outcomes: readonly BenchOutcome[]): string {
  const header = ['benchmark', 'measured', 'target', 'vs target', 'floor', 'vs floor', ''];
  const rows = outcomes.map(({ bench, figure }) => {
    const ratio = targetRatio(figure);
    const { floor } = figure;
    return [
      bench.title,
      `${number(figure.value)} ${figure.unit}`,
      `${figure.better === 'higher' ? '≥' : '≤'} ${number(figure.target)}`,
      `${round(ratio, 2)}×`,
      floor === undefined ? '–' : `${number(floor.value)} ${floor.unit} (${floor.what})`,
      floor === undefined ? '–' : `${round(floor.ratio, 2)}× the floor`,
      ratio >= 1 ? 'ok' : 'BELOW TARGET',
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

function number(value: number): string {
  return value >= 1000 ? Math.round(value).toLocaleString('en') : String(round(value, 1));
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
