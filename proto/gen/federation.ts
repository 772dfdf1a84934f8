import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Challenge as _centile_v1_Challenge, Challenge__Output as _centile_v1_Challenge__Output } from './centile/v1/Challenge.js';
import type { CoordinatorMessage as _centile_v1_CoordinatorMessage, CoordinatorMessage__Output as _centile_v1_CoordinatorMessage__Output } from './centile/v1/CoordinatorMessage.js';
import type { ErrorStatus as _centile_v1_ErrorStatus, ErrorStatus__Output as _centile_v1_ErrorStatus__Output } from './centile/v1/ErrorStatus.js';
import type { FederationClient as _centile_v1_FederationClient, FederationDefinition as _centile_v1_FederationDefinition } from './centile/v1/Federation.js';
import type { FetchModelRequest as _centile_v1_FetchModelRequest, FetchModelRequest__Output as _centile_v1_FetchModelRequest__Output } from './centile/v1/FetchModelRequest.js';
import type { Heartbeat as _centile_v1_Heartbeat, Heartbeat__Output as _centile_v1_Heartbeat__Output } from './centile/v1/Heartbeat.js';
import type { ModelChunk as _centile_v1_ModelChunk, ModelChunk__Output as _centile_v1_ModelChunk__Output } from './centile/v1/ModelChunk.js';
import type { NodeMessage as _centile_v1_NodeMessage, NodeMessage__Output as _centile_v1_NodeMessage__Output } from './centile/v1/NodeMessage.js';
import type { SignedEnvelope as _centile_v1_SignedEnvelope, SignedEnvelope__Output as _centile_v1_SignedEnvelope__Output } from './centile/v1/SignedEnvelope.js';
import type { TaskUpdate as _centile_v1_TaskUpdate, TaskUpdate__Output as _centile_v1_TaskUpdate__Output } from './centile/v1/TaskUpdate.js';
import type { Welcome as _centile_v1_Welcome, Welcome__Output as _centile_v1_Welcome__Output } from './centile/v1/Welcome.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  centile: {
    v1: {
      Challenge: MessageTypeDefinition<_centile_v1_Challenge, _centile_v1_Challenge__Output>
      CoordinatorMessage: MessageTypeDefinition<_centile_v1_CoordinatorMessage, _centile_v1_CoordinatorMessage__Output>
      ErrorStatus: MessageTypeDefinition<_centile_v1_ErrorStatus, _centile_v1_ErrorStatus__Output>
      Federation: SubtypeConstructor<typeof grpc.Client, _centile_v1_FederationClient> & { service: _centile_v1_FederationDefinition }
      FetchModelRequest: MessageTypeDefinition<_centile_v1_FetchModelRequest, _centile_v1_FetchModelRequest__Output>
      Heartbeat: MessageTypeDefinition<_centile_v1_Heartbeat, _centile_v1_Heartbeat__Output>
      ModelChunk: MessageTypeDefinition<_centile_v1_ModelChunk, _centile_v1_ModelChunk__Output>
      NodeMessage: MessageTypeDefinition<_centile_v1_NodeMessage, _centile_v1_NodeMessage__Output>
      SignedEnvelope: MessageTypeDefinition<_centile_v1_SignedEnvelope, _centile_v1_SignedEnvelope__Output>
      TaskState: EnumTypeDefinition
      TaskUpdate: MessageTypeDefinition<_centile_v1_TaskUpdate, _centile_v1_TaskUpdate__Output>
      Welcome: MessageTypeDefinition<_centile_v1_Welcome, _centile_v1_Welcome__Output>
    }
  }
}

