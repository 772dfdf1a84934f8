import type { CanonicalValue } from '../../keys/canonical-json.js';
import type {
  ModelRecord,
  NodeRecord,
  ReleaseRecord,
  RoundRecord,
  RoundState,
  TaskRecord,
  TaskState,
} from './records.js';

/** Signs canonical bodies with the coordinator's Ed25519 key. */
export interface Signer {
  readonly keyId: string;
  sign(body: CanonicalValue): Promise<{ body: Uint8Array; signature: Uint8Array }>;
}

/** Checks a detached Ed25519 signature against a base64 public key. */
export interface SignatureVerifier {
  verify(body: Uint8Array, signature: Uint8Array, publicKeyBase64: string): Promise<boolean>;
}

/** Wall-clock milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Unguessable identifiers and nonces (from a CSPRNG). */
export interface RandomIds {
  id(prefix: string): string;
  nonce(): string;
}

/** Delivers a signed task to a node if it is connected now; otherwise it waits for reconnect. */
export interface TaskDispatcher {
  offer(nodeId: string, task: TaskRecord): void;
}

/** The coordinator's durable state (implemented by SqliteStore). */
export interface CoordinatorStore {
  transaction<T>(work: () => T): T;
  listNodes(): NodeRecord[];
  findNode(id: string): NodeRecord | undefined;
  findModel(digest: string): ModelRecord | undefined;
  insertRound(round: RoundRecord): void;
  findRound(id: string): RoundRecord | undefined;
  listRounds(state?: RoundState): RoundRecord[];
  setRoundState(id: string, state: RoundState): void;
  insertTask(task: TaskRecord, now: number): void;
  findTask(id: string): TaskRecord | undefined;
  openTasksFor(nodeId: string): TaskRecord[];
  tasksOfRound(roundId: string): TaskRecord[];
  updateTask(
    id: string,
    state: TaskState,
    progress: number,
    errorCode: string | null,
    now: number,
  ): void;
  insertRelease(release: ReleaseRecord, now: number): void;
  releasesOfRound(roundId: string): ReleaseRecord[];
}
