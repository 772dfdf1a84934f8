import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import sodium from 'libsodium-wrappers';
import { canonicalBytes } from '../../../keys/canonical-json.js';
import type { CoordinatorMessage__Output } from '../../../proto/gen/centile/v1/CoordinatorMessage.js';
import { loadFederationProto } from '../../../proto/load-federation.js';
import { api, startFederation, waitForNodes } from '../../helpers/federation-fixture.js';
import type { Federation } from '../../helpers/federation-fixture.js';

/** Dials the coordinator as an impostor and answers the challenge with `signKey`. */
async function helloAs(
  fed: Federation,
  nodeId: string,
  signKey: Uint8Array,
): Promise<{ code: string; status: grpc.status }> {
  const Federation = loadFederationProto().centile.v1.Federation;
  const client = new Federation(
    `127.0.0.1:${fed.coordinator.grpcPort}`,
    grpc.credentials.createSsl(readFileSync(fed.coordinatorConfig.tls.certFile)),
    { 'grpc.ssl_target_name_override': 'localhost' },
  );
  const stream = client.Connect();
  let code = '';
  const status = await new Promise<grpc.status>((resolve) => {
    stream.on('data', (message: CoordinatorMessage__Output) => {
      if (message.challenge) {
        const body = canonicalBytes({
          type: 'hello',
          version: 1,
          node_id: nodeId,
          software_version: 'impostor',
          challenge: Buffer.from(message.challenge.nonce).toString('base64'),
          datasets: ['growth'],
        });
        stream.write({ hello: { body, signature: sodium.crypto_sign_detached(body, signKey) } });
      }
      if (message.error) code = message.error.code;
    });
    stream.on('error', (error: grpc.ServiceError) => resolve(error.code));
  });
  client.close();
  return { code, status };
}

describe('node connections', function () {
  this.timeout(60_000);
  let fed: Federation;

  before(async () => {
    await sodium.ready;
    fed = await startFederation(['urban'], 100);
    await waitForNodes(fed, 1);
  });

  after(() => fed?.close());

  it('refuses a hello signed with a key other than the enrolled one', async () => {
    const { code, status } = await helloAs(
      fed,
      'site-urban',
      sodium.crypto_sign_keypair().privateKey,
    );
    assert.equal(code, 'HELLO_BAD_SIGNATURE');
    assert.equal(status, grpc.status.UNAUTHENTICATED);
  });

  it('refuses a node that is not enrolled', async () => {
    const { code, status } = await helloAs(
      fed,
      'site-nowhere',
      sodium.crypto_sign_keypair().privateKey,
    );
    assert.equal(code, 'NODE_NOT_ENROLLED');
    assert.equal(status, grpc.status.UNAUTHENTICATED);
  });

  it('reconnects by itself after the coordinator restarts', async () => {
    await fed.restartCoordinator();
    await waitForNodes(fed, 1, 40_000);
  });

  it('shows a node that goes away as disconnected', async () => {
    await fed.nodes[0]?.close();
    const deadline = Date.now() + 10_000;
    let connected = 1;
    while (connected > 0 && Date.now() < deadline) {
      const { json } = await api<{ connected: boolean }[]>(fed, 'GET', '/v1/nodes');
      connected = json.filter((n) => n.connected).length;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(connected, 0);
  });
});
