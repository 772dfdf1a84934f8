/**
 * Self-signed TLS certificates for the coordinator's gRPC endpoint. The same
 * certificate is the server's chain and the client's trusted root, so a
 * small deployment needs no CA; nodes pin it by configuration. Identities
 * (who signed what) live in Ed25519 keys on top of TLS, not in the cert.
 */
import { mkdir } from 'node:fs/promises';
import { isIP } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';
import { CentileError } from '../benchmark/errors.js';
import { assertNoneExist, directoryFailed, writeNewFiles } from './write-new-file.js';

/** What `createTlsCertificate` needs. */
export interface TlsCertificateOptions {
  /** Subject common name; informational, clients verify the SAN entries. */
  readonly commonName: string;
  /** IP addresses and DNS names clients will dial, e.g. `127.0.0.1`, `localhost`. */
  readonly hosts: readonly string[];
  /** Directory for the files; created (mode 0700) when missing. */
  readonly outDir: string;
  /** Validity in days from now; default 365, at most 3650. */
  readonly days?: number;
}

/** Where `createTlsCertificate` wrote its files (PEM). */
export interface TlsCertificatePaths {
  readonly certPath: string;
  readonly keyPath: string;
}

/** File names inside `outDir`. */
export const TLS_CERT_FILE = 'tls.cert.pem';
export const TLS_KEY_FILE = 'tls.key.pem';

const DEFAULT_DAYS = 365;
const MAX_DAYS = 3650;
const DAY_MS = 86_400_000;
// Tolerate clients whose clock runs a little behind the machine that made the cert.
const BACKDATE_MS = 5 * 60_000;
// X.509 caps the common name at 64 characters (RFC 5280 ub-common-name).
const COMMON_NAME = /^[\x20-\x7e]{1,64}$/;
const DNS_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Writes `tls.cert.pem` (0644) and `tls.key.pem` (0600): an ECDSA P-256 /
 * SHA-256 self-signed certificate whose subjectAltName lists `hosts`.
 * Usable with grpc-js `ServerCredentials.createSsl(null, [{ cert_chain,
 * private_key }])` on the server and `credentials.createSsl(cert)` on clients.
 * @throws CentileError `INVALID_COMMON_NAME`, `INVALID_HOST`, `INVALID_DAYS`, `KEY_EXISTS`, `KEY_WRITE_FAILED`
 */
export async function createTlsCertificate(
  options: TlsCertificateOptions,
): Promise<TlsCertificatePaths> {
  const days = options.days ?? DEFAULT_DAYS;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new CentileError(
      'invalid-input',
      'INVALID_DAYS',
      `days must be an integer from 1 to ${MAX_DAYS}`,
    );
  }
  if (!COMMON_NAME.test(options.commonName)) {
    throw new CentileError(
      'invalid-input',
      'INVALID_COMMON_NAME',
      'common name must be 1-64 printable ASCII characters',
    );
  }
  const altNames = options.hosts.map(toAltName);
  if (altNames.length === 0)
    throw new CentileError('invalid-input', 'INVALID_HOST', 'at least one host is needed');
  const certPath = path.join(options.outDir, TLS_CERT_FILE);
  const keyPath = path.join(options.outDir, TLS_KEY_FILE);
  await assertNoneExist([certPath, keyPath]);
  const notBeforeDate = new Date(Date.now() - BACKDATE_MS);
  const pems = await generate([{ name: 'commonName', value: options.commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + days * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      // ECDSA keys only sign (no RSA key transport), so no keyEncipherment.
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  await mkdir(options.outDir, { recursive: true, mode: 0o700 }).catch((cause: unknown) => {
    throw directoryFailed(cause);
  });
  await writeNewFiles([
    [keyPath, pems.private, 0o600],
    [certPath, pems.cert, 0o644],
  ]);
  return { certPath, keyPath };
}

/** SAN entry for a host: type 7 (IP) for addresses, type 2 (DNS) otherwise. */
function toAltName(host: string): { type: 2 | 7; value?: string; ip?: string } {
  if (isIP(host) !== 0) return { type: 7, ip: host };
  if (DNS_NAME.test(host)) return { type: 2, value: host.toLowerCase() };
  throw new CentileError(
    'invalid-input',
    'INVALID_HOST',
    'hosts must be IP addresses or DNS names',
  );
}
