/** Rows of the coordinator's state, as the core sees them. */

/**
 * A site's task: `timed_out` when its node was connected at the deadline but
 * did not finish, `offline` when it was not connected (it may never have
 * received the task).
 */
export type TaskState =
  'pending' | 'running' | 'done' | 'refused' | 'failed' | 'timed_out' | 'offline';
export type RoundState = 'running' | 'complete' | 'failed';

export interface NodeRecord {
  readonly id: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
}

/**
 * A submitted model. The coordinator holds only its envelope (encrypted,
 * keys sealed to nodes: keys/model-envelope.ts); `digest` is the owner's
 * signed digest of the plaintext, which names the model everywhere.
 */
export interface ModelRecord {
  readonly digest: string;
  readonly name: string;
  /** Who submitted it; named in every task so sites can apply their owner policy. */
  readonly owner: string;
  /** The owner's Ed25519 key id; nodes check the envelope's signature against it. */
  readonly ownerKeyId: string;
  readonly benchmarkTask: string;
  /** Of the envelope, as stored and streamed. */
  readonly sizeBytes: number;
  readonly envelopeDigest: string;
  /** Nodes the model's key is sealed to: the only nodes a round of it can target. */
  readonly sealedFor: readonly string[];
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
  /** When the model's owner published the results to the leaderboard; null while private. */
  readonly publishedAt: number | null;
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
