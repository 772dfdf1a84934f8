// Original file: centile/v1/federation.proto

import type { Long } from '@grpc/proto-loader';

export interface Heartbeat {
  'sent_at_ms'?: (number | string | Long);
}

export interface Heartbeat__Output {
  'sent_at_ms': (string);
}
