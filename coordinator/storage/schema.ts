/** The coordinator's durable state: one SQLite file, WAL, survives restarts mid-round. */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS nodes (
  id TEXT PRIMARY KEY,
  sign_public_key TEXT NOT NULL UNIQUE,
  box_public_key TEXT NOT NULL,
  enrolled_at INTEGER NOT NULL,
  last_seen_at INTEGER
);
CREATE TABLE IF NOT EXISTS models (
  digest TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  owner_key_id TEXT NOT NULL,
  benchmark_task TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  envelope_digest TEXT NOT NULL,
  sealed_for TEXT NOT NULL,
  envelope BLOB NOT NULL,
  submitted_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS rounds (
  id TEXT PRIMARY KEY,
  benchmark_task TEXT NOT NULL,
  model_digest TEXT NOT NULL REFERENCES models(digest),
  rho TEXT NOT NULL,
  quorum INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  published_at INTEGER
);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES rounds(id),
  node_id TEXT NOT NULL REFERENCES nodes(id),
  body BLOB NOT NULL,
  signature BLOB NOT NULL,
  state TEXT NOT NULL,
  progress REAL NOT NULL DEFAULT 0,
  error_code TEXT,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS tasks_by_node ON tasks(node_id, state);
CREATE INDEX IF NOT EXISTS tasks_by_round ON tasks(round_id);
CREATE TABLE IF NOT EXISTS releases (
  task_id TEXT PRIMARY KEY REFERENCES tasks(id),
  round_id TEXT NOT NULL REFERENCES rounds(id),
  node_id TEXT NOT NULL REFERENCES nodes(id),
  body BLOB NOT NULL,
  signature BLOB NOT NULL,
  received_at INTEGER NOT NULL
);
`;
