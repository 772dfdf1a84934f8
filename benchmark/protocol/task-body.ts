import { asObject, parseJsonBody, readInteger, readLiteral, readString } from './fields.js';

/**
 * The signed body of an evaluation task, coordinator → node. The node checks
 * the signature, that it names this node, the deadline and the nonce before
 * anything else; the model digest pins the exact bytes it will run.
 */
export type TaskBody = {
  readonly type: 'evaluation_task';
  readonly version: 1;
  readonly task_id: string;
  readonly round_id: string;
  readonly node_id: string;
  /** Benchmark task id with version, e.g. `growth.status/v1`. */
  readonly benchmark_task: string;
  readonly dataset: string;
  readonly model: {
    readonly digest: string;
    readonly size_bytes: number;
    readonly name: string;
    /** Who submitted the model: a site may cap or refuse owners. */
    readonly owner: string;
    /** The owner's Ed25519 public key (base64): the model envelope must be signed by it. */
    readonly owner_sign_key: string;
    /** SHA-256 of the model envelope the node downloads (`size_bytes` is its size). */
    readonly envelope_digest: string;
  };
  /** ρ (zCDP) requested, as an exact decimal or p/q string. */
  readonly privacy: { readonly mechanism: 'discrete_gaussian'; readonly rho: string };
  readonly issued_at_ms: number;
  readonly deadline_ms: number;
  /** Random, unique per task: a second task with a seen nonce is a replay. */
  readonly nonce: string;
  readonly coordinator_key_id: string;
};

const CODE = 'TASK_MALFORMED';

/** Signed task bytes → `TaskBody`, or throws `TASK_MALFORMED`. */
export function decodeTaskBody(bytes: Uint8Array): TaskBody {
  return parseTaskBody(parseJsonBody(bytes, CODE));
}

/** Untrusted JSON → `TaskBody`, or throws `TASK_MALFORMED` naming the field. */
export function parseTaskBody(json: unknown): TaskBody {
  const obj = asObject(json, CODE);
  const model = asObject(obj.model, CODE, 'model');
  const privacy = asObject(obj.privacy, CODE, 'privacy');
  return {
    type: readLiteral(obj, 'type', 'evaluation_task', CODE),
    version: readLiteral(obj, 'version', 1, CODE),
    task_id: readString(obj, 'task_id', CODE),
    round_id: readString(obj, 'round_id', CODE),
    node_id: readString(obj, 'node_id', CODE),
    benchmark_task: readString(obj, 'benchmark_task', CODE),
    dataset: readString(obj, 'dataset', CODE),
    model: {
      digest: readString(model, 'digest', CODE),
      size_bytes: readInteger(model, 'size_bytes', CODE),
      name: readString(model, 'name', CODE),
      owner: readString(model, 'owner', CODE),
      owner_sign_key: readString(model, 'owner_sign_key', CODE),
      envelope_digest: readString(model, 'envelope_digest', CODE),
    },
    privacy: {
      mechanism: readLiteral(privacy, 'mechanism', 'discrete_gaussian', CODE),
      rho: readString(privacy, 'rho', CODE),
    },
    issued_at_ms: readInteger(obj, 'issued_at_ms', CODE),
    deadline_ms: readInteger(obj, 'deadline_ms', CODE),
    nonce: readString(obj, 'nonce', CODE),
    coordinator_key_id: readString(obj, 'coordinator_key_id', CODE),
  };
}
