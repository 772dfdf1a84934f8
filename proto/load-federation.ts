import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from './loader-options.js';
import type { ProtoGrpcType } from './gen/federation.js';

const PROTO_FILE = 'centile/v1/federation.proto';

/** The folder holding `centile/v1/*.proto`, from source or from `dist/`. */
function protoRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [here, path.resolve(here, '..', '..', 'proto')];
  const found = candidates.find((dir) => existsSync(path.join(dir, PROTO_FILE)));
  if (found === undefined) throw new Error(`${PROTO_FILE} not found next to the program`);
  return found;
}

let cached: ProtoGrpcType | undefined;

/** The loaded `centile.v1` package (service constructors and message types). */
export function loadFederationProto(): ProtoGrpcType {
  cached ??= grpc.loadPackageDefinition(
    loadSync(PROTO_FILE, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] }),
  ) as unknown as ProtoGrpcType;
  return cached;
}
