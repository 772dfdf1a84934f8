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
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  return createHmac('sha256', key)
    .update(`centile/dataset-lineage/v1/${datasetName}`)
    .digest('hex')
    .slice(0, 32);
}
