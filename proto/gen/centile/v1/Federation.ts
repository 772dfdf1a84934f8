// Original file: centile/v1/federation.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CoordinatorMessage as _centile_v1_CoordinatorMessage, CoordinatorMessage__Output as _centile_v1_CoordinatorMessage__Output } from '../../centile/v1/CoordinatorMessage.js';
import type { FetchModelRequest as _centile_v1_FetchModelRequest, FetchModelRequest__Output as _centile_v1_FetchModelRequest__Output } from '../../centile/v1/FetchModelRequest.js';
import type { ModelChunk as _centile_v1_ModelChunk, ModelChunk__Output as _centile_v1_ModelChunk__Output } from '../../centile/v1/ModelChunk.js';
import type { NodeMessage as _centile_v1_NodeMessage, NodeMessage__Output as _centile_v1_NodeMessage__Output } from '../../centile/v1/NodeMessage.js';

export interface FederationClient extends grpc.Client {
  Connect(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_centile_v1_NodeMessage, _centile_v1_CoordinatorMessage__Output>;
  Connect(options?: grpc.CallOptions): grpc.ClientDuplexStream<_centile_v1_NodeMessage, _centile_v1_CoordinatorMessage__Output>;
  connect(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_centile_v1_NodeMessage, _centile_v1_CoordinatorMessage__Output>;
  connect(options?: grpc.CallOptions): grpc.ClientDuplexStream<_centile_v1_NodeMessage, _centile_v1_CoordinatorMessage__Output>;
  
  FetchModel(argument: _centile_v1_FetchModelRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_centile_v1_ModelChunk__Output>;
  FetchModel(argument: _centile_v1_FetchModelRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_centile_v1_ModelChunk__Output>;
  fetchModel(argument: _centile_v1_FetchModelRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_centile_v1_ModelChunk__Output>;
  fetchModel(argument: _centile_v1_FetchModelRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_centile_v1_ModelChunk__Output>;
  
}

export interface FederationHandlers extends grpc.UntypedServiceImplementation {
  Connect: grpc.handleBidiStreamingCall<_centile_v1_NodeMessage__Output, _centile_v1_CoordinatorMessage>;
  
  FetchModel: grpc.handleServerStreamingCall<_centile_v1_FetchModelRequest__Output, _centile_v1_ModelChunk>;
  
}

export interface FederationDefinition extends grpc.ServiceDefinition {
  Connect: MethodDefinition<_centile_v1_NodeMessage, _centile_v1_CoordinatorMessage, _centile_v1_NodeMessage__Output, _centile_v1_CoordinatorMessage__Output>
  FetchModel: MethodDefinition<_centile_v1_FetchModelRequest, _centile_v1_ModelChunk, _centile_v1_FetchModelRequest__Output, _centile_v1_ModelChunk__Output>
}
