// Original file: centile/v1/federation.proto


export interface SignedEnvelope {
  'body'?: (Buffer | Uint8Array | string);
  'signature'?: (Buffer | Uint8Array | string);
}

export interface SignedEnvelope__Output {
  'body': (Buffer);
  'signature': (Buffer);
}
