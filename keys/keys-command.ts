/**
 * `centile keys`: makes identities and TLS certificates. Prints where files
 * went and the key id, never key material. Exit codes: 0 done, 1 a coded
 * error (`error CODE: message`), 2 a usage error.
 */
import { parseArgs } from 'node:util';
import { CentileError } from '../benchmark/errors.js';
import { ROLES, isRole } from './identity.js';
import { initKeys, loadIdentity } from './key-files.js';
import { createTlsCertificate } from './tls-certificate.js';

/** Where the command prints; each call is one line, without its newline. */
export interface CommandOutput {
  write(line: string): void;
}

/** Usage text, one line per entry. */
export const KEYS_USAGE: readonly string[] = [
  'usage: centile keys init --role coordinator|node|owner --name NAME --out DIR',
  '       centile keys tls --out DIR [--host HOST ...] [--common-name CN] [--days N]',
];

const DEFAULT_HOSTS = ['127.0.0.1', 'localhost'];

/** Thrown inside this module for bad arguments; becomes exit code 2. */
class UsageError extends Error {}

/** Runs `centile keys ARGS` and resolves to the process exit code. */
export async function runKeysCommand(args: string[], out: CommandOutput): Promise<number> {
  try {
    return await dispatch(args, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.write(`usage error: ${error.message}`);
      KEYS_USAGE.forEach((line) => out.write(line));
      return 2;
    }
    if (error instanceof CentileError) {
      out.write(`error ${error.code}: ${error.message}`);
      return 1;
    }
    // Unknown failures may carry paths or worse in their messages: say nothing specific.
    out.write('error INTERNAL: unexpected failure');
    return 1;
  }
}

async function dispatch(args: string[], out: CommandOutput): Promise<number> {
  const [subcommand, ...rest] = args;
  if (rest.includes('--help') || rest.includes('-h')) return dispatch(['help'], out);
  switch (subcommand) {
    case 'init':
      return runInit(rest, out);
    case 'tls':
      return runTls(rest, out);
    case 'help':
    case '--help':
    case '-h':
      KEYS_USAGE.forEach((line) => out.write(line));
      return 0;
    case undefined:
      throw new UsageError('missing subcommand');
    default:
      throw new UsageError('unknown subcommand');
  }
}

async function runInit(args: string[], out: CommandOutput): Promise<number> {
  const values = parse(args, {
    role: { type: 'string' },
    name: { type: 'string' },
    out: { type: 'string' },
  });
  const role = required(values.role, '--role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const paths = await initKeys({
    role,
    name: required(values.name, '--name'),
    outDir: required(values.out, '--out'),
  });
  out.write(`wrote ${paths.identityPath} (public identity: share it)`);
  out.write(`wrote ${paths.signKeyPath} (private signing key, mode 0600)`);
  out.write(`wrote ${paths.boxKeyPath} (private sealing key, mode 0600)`);
  out.write(`key id ${loadIdentity(paths.identityPath).keyId}`);
  return 0;
}

async function runTls(args: string[], out: CommandOutput): Promise<number> {
  const values = parse(args, {
    out: { type: 'string' },
    host: { type: 'string', multiple: true },
    'common-name': { type: 'string' },
    days: { type: 'string' },
  });
  const days = values.days === undefined ? undefined : Number(values.days);
  if (days !== undefined && !Number.isSafeInteger(days)) {
    throw new UsageError('--days must be a whole number');
  }
  const hosts = values.host ?? DEFAULT_HOSTS;
  const paths = await createTlsCertificate({
    commonName: values['common-name'] ?? hosts[0] ?? 'centile',
    hosts,
    outDir: required(values.out, '--out'),
    ...(days === undefined ? {} : { days }),
  });
  out.write(`wrote ${paths.certPath} (certificate: servers present it, clients trust it as root)`);
  out.write(`wrote ${paths.keyPath} (private TLS key, mode 0600)`);
  return 0;
}

type Options = Record<string, { type: 'string'; multiple?: boolean }>;

function parse<T extends Options>(
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T }>>['values'] {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs messages quote only what was typed on this command line: no secrets.
    throw new UsageError(error instanceof Error ? error.message : 'invalid arguments');
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}
