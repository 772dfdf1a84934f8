import { strict as assert } from 'node:assert';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import * as grpc from '@grpc/grpc-js';
import { hasCode } from '../../../benchmark/errors.js';
import { createTlsCertificate } from '../../../keys/tls-certificate.js';

interface Pem {
  cert: string;
  key: string;
}

async function makeCert(dir: string, hosts: string[], days?: number): Promise<Pem> {
  const outDir = mkdtempSync(path.join(dir, 'tls-'));
  const paths = await createTlsCertificate({
    commonName: 'centile-test',
    hosts,
    outDir,
    ...(days ? { days } : {}),
  });
  return { cert: readFileSync(paths.certPath, 'utf8'), key: readFileSync(paths.keyPath, 'utf8') };
}

/** Serves TLS on 127.0.0.1:0 with `server`, connects trusting `ca`; resolves to the client's error, if any. */
async function handshake(server: Pem, ca: string, host = '127.0.0.1'): Promise<Error | undefined> {
  const listener = tls.createServer({ cert: server.cert, key: server.key }, (socket) =>
    socket.end('ok'),
  );
  listener.on('tlsClientError', () => undefined); // the client's refusal shows up here too
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as AddressInfo;
  try {
    return await new Promise<Error | undefined>((resolve) => {
      // No servername: SNI must not be an IP (RFC 6066); Node checks the SAN against `host`.
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        ca,
        checkServerIdentity: (_name, cert) => tls.checkServerIdentity(host, cert),
      });
      socket.once('secureConnect', () => {
        socket.end();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
  } finally {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  }
}

const echo: grpc.ServiceDefinition = {
  echo: {
    path: '/centile.test.Echo/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: (value: Buffer) => value,
    requestDeserialize: (bytes: Buffer) => bytes,
    responseSerialize: (value: Buffer) => value,
    responseDeserialize: (bytes: Buffer) => bytes,
  },
};

describe('keys/tls-certificate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-tls-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a certificate with the requested SAN and validity, and a 0600 key', async () => {
    const outDir = path.join(dir, 'check');
    const paths = await createTlsCertificate({
      commonName: 'coord',
      hosts: ['127.0.0.1', 'localhost', '::1'],
      outDir,
      days: 30,
    });
    const cert = new X509Certificate(readFileSync(paths.certPath));
    assert.equal(
      cert.subjectAltName,
      'IP Address:127.0.0.1, DNS:localhost, IP Address:0:0:0:0:0:0:0:1',
    );
    assert.equal(cert.subject, 'CN=coord');
    assert.equal(cert.ca, false);
    assert.equal(cert.issuer, cert.subject);
    assert.ok(cert.verify(cert.publicKey), 'signed by its own key');
    const lifetimeDays = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    assert.ok(Math.abs(lifetimeDays - 30) < 1 / 24, String(lifetimeDays));
    assert.ok(Date.parse(cert.validFrom) <= Date.now());
    if (process.platform !== 'win32') {
      assert.equal(statSync(paths.keyPath).mode & 0o777, 0o600);
      assert.equal(statSync(paths.certPath).mode & 0o777, 0o644);
    }
    await assert.rejects(
      createTlsCertificate({ commonName: 'coord', hosts: ['localhost'], outDir }),
      (error) => hasCode(error, 'KEY_EXISTS'),
    );
  });

  it('completes a TLS handshake when clients trust the certificate itself', async () => {
    const pem = await makeCert(dir, ['127.0.0.1', 'localhost']);
    assert.equal(await handshake(pem, pem.cert), undefined);
  });

  it('fails the handshake when the client trusts another certificate', async () => {
    const pem = await makeCert(dir, ['127.0.0.1']);
    const other = await makeCert(dir, ['127.0.0.1']);
    const error = await handshake(pem, other.cert);
    assert.ok(error instanceof Error);
    assert.match((error as NodeJS.ErrnoException).code ?? '', /SELF_SIGNED|UNABLE_TO_VERIFY/);
  });

  it('fails the handshake for a host not in the SAN', async () => {
    const pem = await makeCert(dir, ['localhost']);
    const error = await handshake(pem, pem.cert, '127.0.0.1');
    assert.equal(
      (error as NodeJS.ErrnoException | undefined)?.code,
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
  });

  it('works as grpc-js server credentials and client root', async () => {
    const pem = await makeCert(dir, ['127.0.0.1', 'localhost']);
    const server = new grpc.Server();
    server.addService(echo, {
      echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) =>
        callback(null, call.request),
    });
    const serverCredentials = grpc.ServerCredentials.createSsl(null, [
      { cert_chain: Buffer.from(pem.cert), private_key: Buffer.from(pem.key) },
    ]);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', serverCredentials, (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    const client = new grpc.Client(
      `127.0.0.1:${port}`,
      grpc.credentials.createSsl(Buffer.from(pem.cert)),
    );
    try {
      const reply = await new Promise<Buffer | undefined>((resolve, reject) => {
        client.makeUnaryRequest(
          echo['echo']!.path,
          (value: Buffer) => value,
          (bytes: Buffer) => bytes,
          Buffer.from('ping'),
          { deadline: Date.now() + 5000 },
          (error, value) => (error ? reject(error) : resolve(value)),
        );
      });
      assert.equal(reply?.toString(), 'ping');
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    }
  });

  it('refuses bad hosts, common names and validity', async () => {
    const outDir = path.join(dir, 'bad');
    const cases: Array<[Parameters<typeof createTlsCertificate>[0], string]> = [
      [{ commonName: 'x', hosts: [], outDir }, 'INVALID_HOST'],
      [{ commonName: 'x', hosts: ['bad host'], outDir }, 'INVALID_HOST'],
      [{ commonName: 'x', hosts: ['-bad.example'], outDir }, 'INVALID_HOST'],
      [{ commonName: '', hosts: ['localhost'], outDir }, 'INVALID_COMMON_NAME'],
      [{ commonName: 'x'.repeat(65), hosts: ['localhost'], outDir }, 'INVALID_COMMON_NAME'],
      [{ commonName: 'x', hosts: ['localhost'], outDir, days: 0 }, 'INVALID_DAYS'],
      [{ commonName: 'x', hosts: ['localhost'], outDir, days: 1.5 }, 'INVALID_DAYS'],
      [{ commonName: 'x', hosts: ['localhost'], outDir, days: 3651 }, 'INVALID_DAYS'],
    ];
    for (const [options, code] of cases) {
      await assert.rejects(createTlsCertificate(options), (error) => hasCode(error, code), code);
    }
  });
});
