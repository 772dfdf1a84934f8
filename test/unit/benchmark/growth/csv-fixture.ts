import { readFileSync } from 'node:fs';

/** Reads a fixture CSV (simple quoting, no embedded commas or newlines) into records by header. */
export function readCsvFixture(name: string): Record<string, string>[] {
  const url = new URL(`../../../fixtures/growth/${name}`, import.meta.url);
  const lines = readFileSync(url, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0);
  const split = (line: string): string[] => line.split(',').map((f) => f.replace(/^"(.*)"$/, '$1'));
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const fields = split(line);
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

/** A CSV number; NaN for an empty or NA cell. */
export function num(cell: string | undefined): number {
  return cell === undefined || cell === '' || cell === 'NA' ? Number.NaN : Number(cell);
}

/** z rounded to 2 decimals as WHO reports it (half away from zero). */
export function round2(z: number): number {
  const r = Math.round(Math.abs(z) * 100) / 100;
  return (z < 0 ? -r : r) + 0; // + 0 turns −0 into 0
}
