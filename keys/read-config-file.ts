import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CentileError } from '../benchmark/errors.js';

/**
 * The text of a config file, or `CONFIG_NOT_FOUND` naming only its base name
 * (full paths stay out of messages that may travel to a remote operator).
 * Shared by every role, like the key files beside it.
 */
export function readConfigFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new CentileError(
      'not-found',
      'CONFIG_NOT_FOUND',
      `cannot read config file ${path.basename(file)}`,
    );
  }
}
