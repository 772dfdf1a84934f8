// Original file: centile/v1/federation.proto

import type { SignedEnvelope as _centile_v1_SignedEnvelope, SignedEnvelope__Output as _centile_v1_SignedEnvelope__Output } from '../../centile/v1/SignedEnvelope.js';
import type { Heartbeat as _centile_v1_Heartbeat, Heartbeat__Output as _centile_v1_Heartbeat__Output } from '../../centile/v1/Heartbeat.js';
import type { TaskUpdate as _centile_v1_TaskUpdate, TaskUpdate__Output as _centile_v1_TaskUpdate__Output } from '../../centile/v1/TaskUpdate.js';

export interface NodeMessage {
  'hello'?: (_centile_v1_SignedEnvelope | null);
  'heartbeat'?: (_centile_v1_Heartbeat | null);
  'update'?: (_centile_v1_TaskUpdate | null);
  'release'?: (_centile_v1_SignedEnvelope | null);
  'kind'?: "hello"|"heartbeat"|"update"|"release";
}

export interface NodeMessage__Output {
  'hello'?: (_centile_v1_SignedEnvelope__Output | null);
  'heartbeat'?: (_centile_v1_Heartbeat__Output | null);
  'update'?: (_centile_v1_TaskUpdate__Output | null);
  'release'?: (_centile_v1_SignedEnvelope__Output | null);
  'kind'?: "hello"|"heartbeat"|"update"|"release";
}
