import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = 'lineage.key';

/**
 * Names a dataset's privacy population by a keyed hash of its name. The key
 * is random, created once in the node's state folder and kept there with the
 * ledger, so the id reveals nothing and survives rotation of the signing keys
 * (a new lineage would mean a fresh budget for the same children).
 */
export function datasetLineage(stateDir: string, datasetName: string): string {
  const file = path.join(stateDir, FILE);
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return lineageFromKey(readFileSync(file, 'utf8'), datasetName);
}

/**
 * The lineage `datasetLineage` would give, or undefined when the node never
 * created its key. Never writes: for read-only tools (`centile node budget`)
 * that may run beside a live node.
 */
export function existingDatasetLineage(stateDir: string, datasetName: string): string | undefined {
  let keyText: string;
  try {
    keyText = readFileSync(path.join(stateDir, FILE), 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  return lineageFromKey(keyText, datasetName);
}

function lineageFromKey(keyText: string, datasetName: string): string {
  const key = Buffer.from(keyText.trim(), 'base64');
  return createHmac('sha256', key)
    .update(`centile/dataset-lineage/v1/${datasetName}`)
    .digest('hex')
    .slice(0, 32);
}
