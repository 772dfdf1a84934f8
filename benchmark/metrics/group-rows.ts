/**
 * How a caller names the groups of its examples (e.g. the `group` column of
 * `centile metrics`). The metrics walk groups as a `GroupMembership`
 * (group-membership.ts), built from this by `membershipOfGrouping`.
 */

/** Examples' subgroups: `groupOf[i]` indexes `names`, which are distinct. */
export interface Grouping {
  readonly groupOf: Uint32Array;
  readonly names: readonly string[];
}
