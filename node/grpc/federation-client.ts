import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { CoordinatorMessage__Output } from '../../proto/gen/centile/v1/CoordinatorMessage.js';
import type { FederationClient as FederationStub } from '../../proto/gen/centile/v1/Federation.js';
import type { NodeMessage } from '../../proto/gen/centile/v1/NodeMessage.js';
import { loadFederationProto } from '../../proto/load-federation.js';
import type { NodeSigner } from '../core/ports.js';
import type { TaskHandler, TaskOutcome } from '../core/task-handler.js';
import { ReconnectBackoff } from './reconnect-backoff.js';

export interface FederationClientOptions {
  readonly address: string;
  readonly caCert: Buffer;
  readonly tlsServerName: string | undefined;
  readonly nodeId: string;
  readonly softwareVersion: string;
  readonly datasets: readonly string[];
  readonly signer: NodeSigner;
  readonly handler: TaskHandler;
  readonly log: Logger;
}

type Stream = grpc.ClientDuplexStream<NodeMessage, CoordinatorMessage__Output>;

/**
 * The node's one outbound connection. It answers the challenge with a signed
 * hello, runs the tasks pushed down, sends updates and releases up, and on
 * any failure reconnects with jittered backoff; the coordinator re-offers
 * unfinished tasks on reconnect.
 */
export class FederationClient {
  private stub: FederationStub | undefined;
  private stream: Stream | undefined;
  private token: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly backoff = new ReconnectBackoff();

  constructor(private readonly options: FederationClientOptions) {}

  /** The live stub (for FetchModel) and session token, when connected. */
  client(): FederationStub | undefined {
    return this.token === undefined ? undefined : this.stub;
  }

  sessionToken(): string | undefined {
    return this.token;
  }

  start(): void {
    const Federation = loadFederationProto().centile.v1.Federation;
    const serverName = this.options.tlsServerName;
    this.stub = new Federation(
      this.options.address,
      grpc.credentials.createSsl(this.options.caCert),
      {
        'grpc.keepalive_time_ms': 30_000,
        ...(serverName === undefined
          ? {}
          : { 'grpc.ssl_target_name_override': serverName, 'grpc.default_authority': serverName }),
      },
    );
    this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.stream?.cancel();
    this.stub?.close();
  }

  private connect(): void {
    if (this.closed || this.stub === undefined) return;
    const stream = this.stub.Connect();
    this.stream = stream;
    stream.on('data', (message: CoordinatorMessage__Output) => this.onMessage(stream, message));
    stream.on('error', (error: grpc.ServiceError) => this.onDisconnect(stream, error.code));
    stream.on('end', () => this.onDisconnect(stream, grpc.status.UNAVAILABLE));
  }

  private onDisconnect(stream: Stream, code: grpc.status): void {
    if (this.stream !== stream || this.closed) return;
    this.stream = undefined;
    this.token = undefined;
    const delayMs = this.backoff.nextDelayMs();
    this.options.log.warn({ code, delayMs }, 'disconnected from coordinator; reconnecting');
    this.timer = setTimeout(() => this.connect(), delayMs);
  }

  private onMessage(stream: Stream, message: CoordinatorMessage__Output): void {
    switch (message.kind) {
      case 'challenge':
        this.sendHello(stream, message.challenge?.nonce ?? Buffer.alloc(0)).catch(
          (error: unknown) =>
            this.options.log.error({ err: error }, 'could not answer the challenge'),
        );
        return;
      case 'welcome':
        this.token = message.welcome?.session_token;
        this.backoff.reset();
        this.options.log.info('connected to coordinator');
        return;
      case 'task':
        if (message.task) {
          this.runTask(message.task.body, message.task.signature).catch((error: unknown) =>
            this.options.log.error({ err: error }, 'could not report a task outcome'),
          );
        }
        return;
      case 'heartbeat':
        stream.write({ heartbeat: { sent_at_ms: String(Date.now()) } });
        return;
      case 'error':
        this.options.log.warn({ code: message.error?.code }, 'coordinator reported an error');
        return;
      case undefined:
        return;
    }
  }

  private async sendHello(stream: Stream, nonce: Buffer): Promise<void> {
    const hello = await this.options.signer.sign({
      type: 'hello',
      version: 1,
      node_id: this.options.nodeId,
      challenge: nonce.toString('base64'),
      software_version: this.options.softwareVersion,
      datasets: [...this.options.datasets],
    });
    stream.write({ hello });
  }

  private async runTask(body: Buffer, signature: Buffer): Promise<void> {
    const outcome = await this.options.handler.handle(
      { body, signature },
      (taskId) => (stage, progress) => {
        this.stream?.write({
          update: { task_id: taskId, state: 'TASK_STATE_RUNNING', progress, message: stage },
        });
      },
    );
    // The stream may have been replaced by a reconnect while the task ran; a
    // release that finds no stream is re-sent from the ledger when re-offered.
    if (this.stream !== undefined) this.send(this.stream, outcome);
  }

  private send(stream: Stream, outcome: TaskOutcome): void {
    const log = this.options.log;
    switch (outcome.kind) {
      case 'release':
        stream.write({ release: outcome.release });
        log.info({ task: outcome.taskId }, 'release sent');
        return;
      case 'refused':
      case 'failed': {
        const state = outcome.kind === 'refused' ? 'TASK_STATE_REFUSED' : 'TASK_STATE_FAILED';
        stream.write({
          update: {
            task_id: outcome.taskId,
            state,
            error_code: outcome.code,
            message: outcome.message,
          },
        });
        log.warn({ task: outcome.taskId, code: outcome.code }, `task ${outcome.kind}`);
        return;
      }
      case 'ignored':
        return;
    }
  }
}
