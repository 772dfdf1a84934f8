/**
 * The subgroups every task reports: by sex, by age band and by gestation.
 * An example is classified by all three (a cell of their product), and a
 * release holds one histogram per *group*: all examples, then each level of
 * each dimension. Releasing the full cross-classification would be free in
 * sensitivity (a partition), but a pooled figure would then sum 24 noisy
 * cells; releasing the marginals costs one extra histogram per dimension
 * (L2² grows from 1 + k to 1 + 4k for k outputs) and leaves every reported
 * figure one noisy cell per bin. See notes/privacy.md §6.
 */

/** One dimension of the partition and its levels, in cell order. */
export interface SubgroupDimension {
  readonly name: string;
  readonly levels: readonly string[];
}

/** A partition as the product of its dimensions; cell = mixed-radix index. */
export interface SubgroupPartition {
  readonly dimensions: readonly SubgroupDimension[];
}

/** What an example's subgroup is decided by. */
export interface SubgroupFacts {
  readonly sex: number;
  /** Age at the example's index visit, in days. */
  readonly ageDays: number;
  /** Gestational age at birth in days; NaN when unknown. */
  readonly gestationalAgeDays: number;
}

/** Age bands at the index visit (upper bounds exclusive, in days: 2, 5 and 10 years). */
const AGE_BAND_LIMITS_DAYS = [731, 1826, 3653] as const;
/** Preterm: born before 37 completed weeks (WHO definition). */
const PRETERM_BELOW_DAYS = 37 * 7;

export const STANDARD_SUBGROUPS: SubgroupPartition = Object.freeze({
  dimensions: [
    { name: 'sex', levels: ['male', 'female'] },
    { name: 'age_band', levels: ['0-2y', '2-5y', '5-10y', '10y+'] },
    { name: 'gestation', levels: ['preterm', 'term', 'unknown'] },
  ],
});

/** Number of cells of `partition`. */
export function subgroupCellCount(partition: SubgroupPartition): number {
  return partition.dimensions.reduce((cells, d) => cells * d.levels.length, 1);
}

/** The `STANDARD_SUBGROUPS` cell of one example. */
export function standardSubgroup(facts: SubgroupFacts): number {
  const sex = facts.sex === 2 ? 1 : 0;
  const band = AGE_BAND_LIMITS_DAYS.findIndex((limit) => facts.ageDays < limit);
  const age = band === -1 ? AGE_BAND_LIMITS_DAYS.length : band;
  const gestation = Number.isNaN(facts.gestationalAgeDays)
    ? 2
    : facts.gestationalAgeDays < PRETERM_BELOW_DAYS
      ? 0
      : 1;
  return (sex * 4 + age) * 3 + gestation;
}

/** The level of each dimension of `cell`, e.g. `{sex: 'female', age_band: '0-2y', …}`. */
export function subgroupLevels(partition: SubgroupPartition, cell: number): Record<string, string> {
  const levels: Record<string, string> = {};
  let rest = cell;
  for (let d = partition.dimensions.length - 1; d >= 0; d -= 1) {
    const dimension = partition.dimensions[d];
    if (dimension === undefined) continue;
    const count = dimension.levels.length;
    levels[dimension.name] = dimension.levels[rest % count] ?? '?';
    rest = Math.floor(rest / count);
  }
  return levels;
}

/** One released group: all examples (`dimension` undefined) or one level of one dimension. */
export interface SubgroupGroup {
  readonly dimension?: string;
  readonly level?: string;
}

/** The released groups of `partition`, in release order: all, then each dimension's levels. */
export function subgroupGroups(partition: SubgroupPartition): SubgroupGroup[] {
  return [
    {},
    ...partition.dimensions.flatMap((d) => d.levels.map((level) => ({ dimension: d.name, level }))),
  ];
}

/** Partition cell → the released groups its examples count in (`groupsOfCell` of each). */
export function cellGroupsOf(partition: SubgroupPartition): number[][] {
  return Array.from({ length: subgroupCellCount(partition) }, (_, cell) =>
    groupsOfCell(partition, cell),
  );
}

/** The groups (indexes into `subgroupGroups`) an example of partition cell `cell` belongs to. */
export function groupsOfCell(partition: SubgroupPartition, cell: number): number[] {
  const levels = subgroupLevels(partition, cell);
  const groups = [0];
  let offset = 1;
  for (const dimension of partition.dimensions) {
    groups.push(offset + dimension.levels.indexOf(levels[dimension.name] ?? ''));
    offset += dimension.levels.length;
  }
  return groups;
}
