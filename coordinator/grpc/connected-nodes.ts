import type * as grpc from '@grpc/grpc-js';
import type { CoordinatorMessage } from '../../proto/gen/centile/v1/CoordinatorMessage.js';
import type { NodeMessage__Output } from '../../proto/gen/centile/v1/NodeMessage.js';
import type { TaskDispatcher } from '../core/ports.js';
import type { TaskRecord } from '../core/records.js';

export type NodeStream = grpc.ServerDuplexStream<NodeMessage__Output, CoordinatorMessage>;

interface Connection {
  readonly stream: NodeStream;
  readonly sessionToken: string;
}

/** Authenticated node streams by node id; the newest connection of a node wins. */
export class ConnectedNodes implements TaskDispatcher {
  private readonly byNode = new Map<string, Connection>();

  add(nodeId: string, stream: NodeStream, sessionToken: string): void {
    this.byNode.get(nodeId)?.stream.end();
    this.byNode.set(nodeId, { stream, sessionToken });
  }

  /** Forgets `stream` if it is still the node's current one. */
  remove(nodeId: string, stream: NodeStream): void {
    if (this.byNode.get(nodeId)?.stream === stream) this.byNode.delete(nodeId);
  }

  /** The node a FetchModel session token belongs to. */
  nodeForToken(token: string): string | undefined {
    for (const [nodeId, c] of this.byNode) if (c.sessionToken === token) return nodeId;
    return undefined;
  }

  ids(): string[] {
    return [...this.byNode.keys()];
  }

  offer(nodeId: string, task: TaskRecord): void {
    this.byNode.get(nodeId)?.stream.write({ task: { body: task.body, signature: task.signature } });
  }

  broadcast(message: CoordinatorMessage): void {
    for (const c of this.byNode.values()) c.stream.write(message);
  }

  closeAll(): void {
    for (const c of this.byNode.values()) c.stream.end();
    this.byNode.clear();
  }
}
