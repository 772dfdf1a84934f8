// Original file: centile/v1/federation.proto


export interface FetchModelRequest {
  'session_token'?: (string);
  'task_id'?: (string);
  'model_digest'?: (string);
}

export interface FetchModelRequest__Output {
  'session_token': (string);
  'task_id': (string);
  'model_digest': (string);
}
