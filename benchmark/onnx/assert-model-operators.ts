/**
 * The operator allowlist check of DESIGN §7, on the decoded ModelProto
 * before onnxruntime builds a session from it. Names of domains and
 * operators may appear in messages: they are the model's vocabulary, not
 * patient data, and the model owner needs them to fix the model. They are
 * still sanitised and truncated, since a hostile model chooses them.
 */
import type { onnx } from 'onnx-proto';
import { CentileError } from '../errors.js';
import { DEFAULT_DOMAIN, DEFAULT_OPERATOR_POLICY } from './operator-policy.js';
import type { OperatorPolicy } from './operator-policy.js';

/**
 * Throws `MODEL_OPERATOR_NOT_ALLOWED` (naming the operator) for a node or
 * model-local function outside `policy`, and `MODEL_OPSET_NOT_ALLOWED` when
 * the model imports a domain or opset version outside it. Only the main
 * graph is walked: every operator that carries a subgraph (Loop, Scan, If)
 * is itself refused.
 */
export function assertModelOperators(
  model: onnx.IModelProto,
  policy: OperatorPolicy = DEFAULT_OPERATOR_POLICY,
): void {
  // Operators first, so a custom operator is named even though its domain's import is refused too.
  for (const node of model.graph?.node ?? []) {
    const rule = policy.get(normalDomain(node.domain));
    if (!rule?.operators.has(node.opType ?? '')) throw notAllowed(node.domain, node.opType);
  }
  // A model-local function is a user-defined operator: a graph we would
  // have to review like the model's own, so it is refused outright.
  const [functionProto] = model.functions ?? [];
  if (functionProto) throw notAllowed(functionProto.domain, functionProto.name);
  for (const opset of model.opsetImport ?? []) assertOpset(opset, policy);
}

function assertOpset(opset: onnx.IOperatorSetIdProto, policy: OperatorPolicy): void {
  const rule = policy.get(normalDomain(opset.domain));
  const version = Number(opset.version ?? 0);
  if (!rule || version < rule.minOpset || version > rule.maxOpset) {
    throw new CentileError(
      'invalid-input',
      'MODEL_OPSET_NOT_ALLOWED',
      `opset ${printable(normalDomain(opset.domain) || 'ai.onnx')} ${version} is not allowed`,
    );
  }
}

/** `ai.onnx` is another spelling of the default domain. */
function normalDomain(domain: string | null | undefined): string {
  return !domain || domain === 'ai.onnx' ? DEFAULT_DOMAIN : domain;
}

function notAllowed(domain: string | null | undefined, name: string | null | undefined) {
  const qualified = normalDomain(domain) ? `${normalDomain(domain)}:${name ?? ''}` : (name ?? '');
  return new CentileError(
    'invalid-input',
    'MODEL_OPERATOR_NOT_ALLOWED',
    `operator '${printable(qualified)}' is not allowed`,
  );
}

/** At most 64 characters of `[A-Za-z0-9_.:-]`, so a message stays one short line. */
function printable(text: string): string {
  return text.replace(/[^\w.:-]/g, '?').slice(0, 64);
}
