import Database from 'better-sqlite3';
import type {
  ModelRecord,
  NodeRecord,
  ReleaseRecord,
  RoundRecord,
  RoundState,
  TaskRecord,
  TaskState,
} from '../core/records.js';
import { SCHEMA_SQL } from './schema.js';

type Row = Record<string, unknown>;

/** A model's record without its envelope (which only `modelEnvelope` reads). */
const MODEL_COLUMNS =
  'digest, name, owner, owner_key_id, benchmark_task, size_bytes, envelope_digest, sealed_for';

/** The coordinator's state in one SQLite file (better-sqlite3, synchronous, WAL). */
export class SqliteStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA_SQL);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one transaction. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  upsertNode(node: NodeRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO nodes (id, sign_public_key, box_public_key, enrolled_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET sign_public_key = excluded.sign_public_key,
           box_public_key = excluded.box_public_key`,
      )
      .run(node.id, node.signPublicKey, node.boxPublicKey, now);
  }

  listNodes(): NodeRecord[] {
    return this.db
      .prepare('SELECT id, sign_public_key, box_public_key FROM nodes ORDER BY id')
      .all()
      .map((r) => toNode(r as Row));
  }

  findNode(id: string): NodeRecord | undefined {
    const row = this.db.prepare('SELECT * FROM nodes WHERE id = ?').get(id) as Row | undefined;
    return row && toNode(row);
  }

  markNodeSeen(id: string, now: number): void {
    this.db.prepare('UPDATE nodes SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  /** Stores a model's envelope; a digest already stored keeps its first envelope. */
  insertModel(model: ModelRecord, envelope: Uint8Array, now: number): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO models (digest, name, owner, owner_key_id, benchmark_task, size_bytes,
           envelope_digest, sealed_for, envelope, submitted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        model.digest,
        model.name,
        model.owner,
        model.ownerKeyId,
        model.benchmarkTask,
        model.sizeBytes,
        model.envelopeDigest,
        JSON.stringify(model.sealedFor),
        envelope,
        now,
      );
  }

  findModel(digest: string): ModelRecord | undefined {
    const row = this.db
      .prepare(`SELECT ${MODEL_COLUMNS} FROM models WHERE digest = ?`)
      .get(digest) as Row | undefined;
    return row && toModel(row);
  }

  listModels(): ModelRecord[] {
    return this.db
      .prepare(`SELECT ${MODEL_COLUMNS} FROM models ORDER BY submitted_at`)
      .all()
      .map((r) => toModel(r as Row));
  }

  /** The model's envelope: ciphertext and sealed keys, never the model itself. */
  modelEnvelope(digest: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT envelope FROM models WHERE digest = ?').get(digest) as
      { envelope: Buffer } | undefined;
    return row && new Uint8Array(row.envelope);
  }

  insertRound(round: RoundRecord): void {
    this.db
      .prepare(
        `INSERT INTO rounds (id, benchmark_task, model_digest, rho, quorum, deadline_at, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        round.id,
        round.benchmarkTask,
        round.modelDigest,
        round.rho,
        round.quorum,
        round.deadlineAt,
        round.state,
        round.createdAt,
      );
  }

  findRound(id: string): RoundRecord | undefined {
    const row = this.db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as Row | undefined;
    return row && toRound(row);
  }

  listRounds(state?: RoundState): RoundRecord[] {
    const rows =
      state === undefined
        ? this.db.prepare('SELECT * FROM rounds ORDER BY created_at').all()
        : this.db.prepare('SELECT * FROM rounds WHERE state = ? ORDER BY created_at').all(state);
    return rows.map((r) => toRound(r as Row));
  }

  publishRound(id: string, now: number): void {
    this.db
      .prepare('UPDATE rounds SET published_at = ? WHERE id = ? AND published_at IS NULL')
      .run(now, id);
  }

  /** Rounds whose owners published them, oldest first. */
  publishedRounds(): RoundRecord[] {
    return this.db
      .prepare('SELECT * FROM rounds WHERE published_at IS NOT NULL ORDER BY created_at')
      .all()
      .map((r) => toRound(r as Row));
  }

  setRoundState(id: string, state: RoundState): void {
    this.db.prepare('UPDATE rounds SET state = ? WHERE id = ?').run(state, id);
  }

  insertTask(task: TaskRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO tasks (id, round_id, node_id, body, signature, state, progress, error_code, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        task.id,
        task.roundId,
        task.nodeId,
        task.body,
        task.signature,
        task.state,
        task.progress,
        task.errorCode,
        now,
      );
  }

  findTask(id: string): TaskRecord | undefined {
    const row = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as Row | undefined;
    return row && toTask(row);
  }

  /** Tasks a node should (still) receive: not finished, in a running round. */
  openTasksFor(nodeId: string): TaskRecord[] {
    return this.db
      .prepare(
        `SELECT t.* FROM tasks t JOIN rounds r ON r.id = t.round_id
         WHERE t.node_id = ? AND t.state IN ('pending', 'running') AND r.state = 'running'
         ORDER BY t.rowid`,
      )
      .all(nodeId)
      .map((r) => toTask(r as Row));
  }

  tasksOfRound(roundId: string): TaskRecord[] {
    return this.db
      .prepare('SELECT * FROM tasks WHERE round_id = ? ORDER BY node_id')
      .all(roundId)
      .map((r) => toTask(r as Row));
  }

  updateTask(
    id: string,
    state: TaskState,
    progress: number,
    errorCode: string | null,
    now: number,
  ): void {
    this.db
      .prepare(
        'UPDATE tasks SET state = ?, progress = ?, error_code = ?, updated_at = ? WHERE id = ?',
      )
      .run(state, progress, errorCode, now, id);
  }

  insertRelease(release: ReleaseRecord, now: number): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO releases (task_id, round_id, node_id, body, signature, received_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(release.taskId, release.roundId, release.nodeId, release.body, release.signature, now);
  }

  releasesOfRound(roundId: string): ReleaseRecord[] {
    return this.db
      .prepare('SELECT * FROM releases WHERE round_id = ? ORDER BY node_id')
      .all(roundId)
      .map((r) => toRelease(r as Row));
  }

  /** Rows of `rounds` or `tasks` per state (for metrics, read at scrape time). */
  countByState(table: 'rounds' | 'tasks'): Map<string, number> {
    const sql = {
      rounds: 'SELECT state, COUNT(*) AS n FROM rounds GROUP BY state',
      tasks: 'SELECT state, COUNT(*) AS n FROM tasks GROUP BY state',
    }[table];
    const rows = this.db.prepare(sql).all() as { state: string; n: number }[];
    return new Map(rows.map((r) => [r.state, r.n]));
  }

  /** Releases stored so far; they are never deleted, so the count only grows. */
  countReleases(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM releases').get() as { n: number }).n;
  }

  /** Whether the database answers a trivial query (readiness). */
  ping(): boolean {
    try {
      return this.db.prepare('SELECT 1 AS one').get() !== undefined;
    } catch {
      return false;
    }
  }
}

function toNode(r: Row): NodeRecord {
  return {
    id: r.id as string,
    signPublicKey: r.sign_public_key as string,
    boxPublicKey: r.box_public_key as string,
  };
}

function toModel(r: Row): ModelRecord {
  return {
    digest: r.digest as string,
    name: r.name as string,
    owner: r.owner as string,
    ownerKeyId: r.owner_key_id as string,
    benchmarkTask: r.benchmark_task as string,
    sizeBytes: r.size_bytes as number,
    envelopeDigest: r.envelope_digest as string,
    sealedFor: JSON.parse(r.sealed_for as string) as string[],
  };
}

function toRound(r: Row): RoundRecord {
  return {
    id: r.id as string,
    benchmarkTask: r.benchmark_task as string,
    modelDigest: r.model_digest as string,
    rho: r.rho as string,
    quorum: r.quorum as number,
    deadlineAt: r.deadline_at as number,
    state: r.state as RoundState,
    createdAt: r.created_at as number,
    publishedAt: (r.published_at as number | null) ?? null,
  };
}

function toTask(r: Row): TaskRecord {
  return {
    id: r.id as string,
    roundId: r.round_id as string,
    nodeId: r.node_id as string,
    body: new Uint8Array(r.body as Buffer),
    signature: new Uint8Array(r.signature as Buffer),
    state: r.state as TaskState,
    progress: r.progress as number,
    errorCode: (r.error_code as string | null) ?? null,
  };
}

function toRelease(r: Row): ReleaseRecord {
  return {
    taskId: r.task_id as string,
    roundId: r.round_id as string,
    nodeId: r.node_id as string,
    body: new Uint8Array(r.body as Buffer),
    signature: new Uint8Array(r.signature as Buffer),
  };
}
