// Original file: centile/v1/federation.proto

import type { Long } from '@grpc/proto-loader';

export interface ModelChunk {
  'offset'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
  'total_bytes'?: (number | string | Long);
  'digest'?: (string);
}

export interface ModelChunk__Output {
  'offset': (string);
  'data': (Buffer);
  'total_bytes': (string);
  'digest': (string);
}
