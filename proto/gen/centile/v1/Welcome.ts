// Original file: centile/v1/federation.proto


export interface Welcome {
  'node_id'?: (string);
  'session_token'?: (string);
  'heartbeat_interval_ms'?: (number);
}

export interface Welcome__Output {
  'node_id': (string);
  'session_token': (string);
  'heartbeat_interval_ms': (number);
}
