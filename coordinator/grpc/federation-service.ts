import type * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { CentileError } from '../../benchmark/errors.js';
import { decodeHelloBody } from '../../benchmark/protocol/hello-body.js';
import type { FederationHandlers } from '../../proto/gen/centile/v1/Federation.js';
import type { NodeMessage__Output } from '../../proto/gen/centile/v1/NodeMessage.js';
import { acceptRelease } from '../core/accept-release.js';
import type { Clock, CoordinatorStore, RandomIds, SignatureVerifier } from '../core/ports.js';
import { recordTaskUpdate } from '../core/record-task-update.js';
import type { ConnectedNodes, NodeStream } from './connected-nodes.js';
import { streamModel } from './stream-model.js';
import { toServiceError } from './grpc-errors.js';
import { toTaskUpdate } from './wire-mapping.js';

export interface FederationDeps {
  readonly store: CoordinatorStore & {
    markNodeSeen(id: string, now: number): void;
    modelEnvelope(digest: string): Uint8Array | undefined;
  };
  readonly verifier: SignatureVerifier;
  readonly clock: Clock;
  readonly ids: RandomIds;
  readonly nodes: ConnectedNodes;
  readonly coordinatorKeyId: string;
  readonly heartbeatIntervalMs: number;
  readonly randomBytes: (n: number) => Uint8Array;
  readonly log: Logger;
}

/**
 * The Federation service. Handlers are plain functions that never reject:
 * every async step is routed through `guard`, so a failing promise becomes a
 * logged error and a status to the client, never a crashed process.
 */
export function createFederationHandlers(deps: FederationDeps): FederationHandlers {
  return {
    Connect: (stream) => connect(deps, stream),
    FetchModel: (call) => guard(deps.log, streamModel(deps, call), (e) => endWithStatus(call, e)),
  };
}

function connect(deps: FederationDeps, stream: NodeStream): void {
  const challenge = deps.randomBytes(32);
  let nodeId: string | undefined;
  stream.write({ challenge: { nonce: challenge, coordinator_key_id: deps.coordinatorKeyId } });
  stream.on('data', (message: NodeMessage__Output) => {
    const work =
      nodeId === undefined
        ? authenticate(deps, stream, challenge, message).then((id) => void (nodeId = id))
        : onMessage(deps, nodeId, message);
    guard(deps.log, work, (e) => failStream(stream, e));
  });
  const forget = () => {
    if (nodeId !== undefined) deps.nodes.remove(nodeId, stream);
  };
  stream.on('end', () => {
    forget();
    stream.end();
  });
  // A node that dies or drops off the network shows up as a cancelled call.
  stream.on('cancelled', forget);
  stream.on('error', forget);
}

async function authenticate(
  deps: FederationDeps,
  stream: NodeStream,
  challenge: Uint8Array,
  message: NodeMessage__Output,
): Promise<string> {
  const signed = message.hello;
  if (message.kind !== 'hello' || signed == null)
    throw unauthenticated('HELLO_REQUIRED', 'the first message must be a signed hello');
  const hello = decodeHelloBody(signed.body);
  const node = deps.store.findNode(hello.node_id);
  if (node === undefined) throw unauthenticated('NODE_NOT_ENROLLED', 'node is not enrolled');
  const fresh = hello.challenge === Buffer.from(challenge).toString('base64');
  if (!fresh || !(await deps.verifier.verify(signed.body, signed.signature, node.signPublicKey))) {
    throw unauthenticated('HELLO_BAD_SIGNATURE', 'hello signature or challenge does not verify');
  }
  const sessionToken = deps.ids.nonce();
  deps.nodes.add(node.id, stream, sessionToken);
  deps.store.markNodeSeen(node.id, deps.clock.now());
  stream.write({
    welcome: {
      node_id: node.id,
      session_token: sessionToken,
      heartbeat_interval_ms: deps.heartbeatIntervalMs,
    },
  });
  for (const task of deps.store.openTasksFor(node.id)) deps.nodes.offer(node.id, task);
  deps.log.info({ node: node.id, version: hello.software_version }, 'node connected');
  return node.id;
}

async function onMessage(
  deps: FederationDeps,
  nodeId: string,
  message: NodeMessage__Output,
): Promise<void> {
  const now = deps.clock.now();
  deps.store.markNodeSeen(nodeId, now);
  switch (message.kind) {
    case 'update':
      if (message.update) recordTaskUpdate(deps.store, nodeId, toTaskUpdate(message.update), now);
      return;
    case 'release':
      if (message.release) {
        await acceptRelease(deps, nodeId, message.release.body, message.release.signature);
        deps.log.info({ node: nodeId }, 'release accepted');
      }
      return;
    case 'heartbeat':
    case 'hello':
    case undefined:
      return;
  }
}

function unauthenticated(code: string, message: string): CentileError {
  return new CentileError('unauthenticated', code, message);
}

/** Reports a failed step on the node's stream; authentication failures end it. */
function failStream(stream: NodeStream, error: unknown): void {
  const code = error instanceof CentileError ? error.code : 'INTERNAL';
  const message = toServiceError(error).details ?? '';
  stream.write({ error: { code, message } });
  if (error instanceof CentileError && error.kind === 'unauthenticated')
    endWithStatus(stream, error);
}

/**
 * Ends a server stream with the error's status. grpc-js sends a status only
 * for an 'error' event on the call; `destroy` would drop it.
 */
function endWithStatus(
  call: grpc.ServerWritableStream<unknown, unknown> | NodeStream,
  error: unknown,
): void {
  call.emit('error', toServiceError(error));
}

/** Runs `work` to completion; a rejection is logged and handed to `onError`, never thrown. */
export function guard(
  log: Logger,
  work: Promise<unknown>,
  onError: (error: unknown) => void,
): void {
  work.catch((error: unknown) => {
    if (error instanceof CentileError) log.warn({ code: error.code }, 'request refused');
    else log.error({ err: error }, 'request failed');
    onError(error);
  });
}
