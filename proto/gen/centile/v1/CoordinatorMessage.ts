// Original file: centile/v1/federation.proto

import type { Challenge as _centile_v1_Challenge, Challenge__Output as _centile_v1_Challenge__Output } from '../../centile/v1/Challenge.js';
import type { Welcome as _centile_v1_Welcome, Welcome__Output as _centile_v1_Welcome__Output } from '../../centile/v1/Welcome.js';
import type { SignedEnvelope as _centile_v1_SignedEnvelope, SignedEnvelope__Output as _centile_v1_SignedEnvelope__Output } from '../../centile/v1/SignedEnvelope.js';
import type { Heartbeat as _centile_v1_Heartbeat, Heartbeat__Output as _centile_v1_Heartbeat__Output } from '../../centile/v1/Heartbeat.js';
import type { ErrorStatus as _centile_v1_ErrorStatus, ErrorStatus__Output as _centile_v1_ErrorStatus__Output } from '../../centile/v1/ErrorStatus.js';

export interface CoordinatorMessage {
  'challenge'?: (_centile_v1_Challenge | null);
  'welcome'?: (_centile_v1_Welcome | null);
  'task'?: (_centile_v1_SignedEnvelope | null);
  'heartbeat'?: (_centile_v1_Heartbeat | null);
  'error'?: (_centile_v1_ErrorStatus | null);
  'kind'?: "challenge"|"welcome"|"task"|"heartbeat"|"error";
}

export interface CoordinatorMessage__Output {
  'challenge'?: (_centile_v1_Challenge__Output | null);
  'welcome'?: (_centile_v1_Welcome__Output | null);
  'task'?: (_centile_v1_SignedEnvelope__Output | null);
  'heartbeat'?: (_centile_v1_Heartbeat__Output | null);
  'error'?: (_centile_v1_ErrorStatus__Output | null);
  'kind'?: "challenge"|"welcome"|"task"|"heartbeat"|"error";
}
