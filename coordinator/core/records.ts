/** Rows of the coordinator's state, as the core sees them. */

export type TaskState = 'pending' | 'running' | 'done' | 'refused' | 'failed' | 'timed_out';
export type RoundState = 'running' | 'complete' | 'failed';

export interface NodeRecord {
  readonly id: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
}

export interface ModelRecord {
  readonly digest: string;
  readonly name: string;
  /** Who submitted it; named in every task so sites can apply their owner policy. */
  readonly owner: string;
  readonly benchmarkTask: string;
  readonly sizeBytes: number;
}

export interface RoundRecord {
  readonly id: string;
  readonly benchmarkTask: string;
  readonly modelDigest: string;
  /** ρ requested from each site, as an exact decimal or p/q string. */
  readonly rho: string;
  readonly quorum: number;
  readonly deadlineAt: number;
  readonly state: RoundState;
  readonly createdAt: number;
}

export interface TaskRecord {
  readonly id: string;
  readonly roundId: string;
  readonly nodeId: string;
  readonly body: Uint8Array;
  readonly signature: Uint8Array;
  readonly state: TaskState;
  readonly progress: number;
  readonly errorCode: string | null;
}

export interface ReleaseRecord {
  readonly taskId: string;
  readonly roundId: string;
  readonly nodeId: string;
  readonly body: Uint8Array;
  readonly signature: Uint8Array;
}
