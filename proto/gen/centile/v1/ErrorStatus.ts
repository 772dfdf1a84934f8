// Original file: centile/v1/federation.proto


export interface ErrorStatus {
  'code'?: (string);
  'message'?: (string);
}

export interface ErrorStatus__Output {
  'code': (string);
  'message': (string);
}
