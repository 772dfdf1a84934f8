import type { Cohort } from '../../benchmark/cohort.js';
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import type { BudgetStatus, ReserveRequest } from '../../benchmark/privacy/budget-ledger.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import type { CanonicalValue } from '../../keys/canonical-json.js';

/** A signed canonical body (task or release). */
export interface Signed {
  readonly body: Uint8Array;
  readonly signature: Uint8Array;
}

/** Signs with the node's Ed25519 key. */
export interface NodeSigner {
  sign(body: CanonicalValue): Promise<Signed>;
}

/** Verifies the pinned coordinator's signature over exact bytes. */
export interface CoordinatorVerifier {
  verify(signed: Signed): Promise<boolean>;
}

/** The budget ledger of the dataset (see node/privacy): reserve is durable before it returns. */
export interface BudgetLedgerPort {
  reserve(request: ReserveRequest): void;
  commit(requestId: string, release: Signed): void;
  findRelease(requestId: string): Signed | undefined;
  isReserved(requestId: string): boolean;
  status(): BudgetStatus;
}

/** Remembers every task id and nonce ever accepted, durably. */
export interface SeenTasks {
  /** 'new' the first time; 'same' for the very same task id and nonce; 'replayed' otherwise. */
  check(taskId: string, nonce: string): 'new' | 'same' | 'replayed';
  remember(taskId: string, nonce: string): void;
}

/** A loaded model, ready to score; `close` frees its worker. */
export interface LoadedModel {
  score(input: Float32Array, rows: number): Promise<Float32Array>;
  close(): Promise<void>;
}

/** Loads model bytes, checking the contract before any data is touched. */
export interface ModelLoader {
  load(bytes: Uint8Array, contract: ModelContract): Promise<LoadedModel>;
}

/** Downloads the task's model envelope and checks its size and digest. */
export interface ModelFetcher {
  fetch(taskId: string, model: TaskBody['model']): Promise<Uint8Array>;
}

/**
 * Opens a downloaded model envelope in memory: this node's sealed key, the
 * owner's signature, the plaintext digest the task names (keys/model-envelope.ts).
 */
export interface ModelOpener {
  open(envelope: Uint8Array, task: TaskBody): Promise<Uint8Array>;
}

/** Exact discrete Gaussian noise over a CSPRNG, one draw per cell. */
export interface NoiseSource {
  addDiscreteGaussian(cells: readonly bigint[], sigma2: Rational): bigint[];
}

/** The node's datasets by name, loaded and validated at start-up. */
export interface CohortSource {
  names(): string[];
  cohort(name: string): Cohort | undefined;
  /** Keyed hash naming the dataset's privacy population (never a hash of its data). */
  lineage(name: string): string;
}
