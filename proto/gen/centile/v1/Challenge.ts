// Original file: centile/v1/federation.proto


export interface Challenge {
  'nonce'?: (Buffer | Uint8Array | string);
  'coordinator_key_id'?: (string);
}

export interface Challenge__Output {
  'nonce': (Buffer);
  'coordinator_key_id': (string);
}
