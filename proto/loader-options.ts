import type { Options } from '@grpc/proto-loader';

/**
 * The one place the proto loader is configured. The generated types in
 * `proto/gen/` are produced with the same options (scripts/gen-proto-types.mjs),
 * so runtime objects and types agree: int64 as strings, enums as strings,
 * defaults filled in, oneof names present.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};
