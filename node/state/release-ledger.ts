import type {
  BudgetLedger,
  BudgetStatus,
  ReserveRequest,
} from '../../benchmark/privacy/budget-ledger.js';
import { parseBase64Bytes, toBase64 } from '../../keys/base64.js';
import { SIGNATURE_BYTES } from '../../keys/signed-message.js';
import type { BudgetLedgerPort, Signed } from '../core/ports.js';

/**
 * The budget ledger as the task pipeline uses it: signed releases are stored
 * as JSON with base64 fields, so a repeated task gets byte-identical bytes back.
 */
export class ReleaseLedger implements BudgetLedgerPort {
  constructor(private readonly ledger: BudgetLedger) {}

  reserve(request: ReserveRequest): void {
    this.ledger.reserve(request);
  }

  commit(requestId: string, release: Signed): void {
    const json = JSON.stringify({
      body: toBase64(release.body),
      signature: toBase64(release.signature),
    });
    this.ledger.commit(requestId, new TextEncoder().encode(json));
  }

  findRelease(requestId: string): Signed | undefined {
    const bytes = this.ledger.findRelease(requestId);
    if (bytes === undefined) return undefined;
    const { body, signature } = JSON.parse(new TextDecoder().decode(bytes)) as {
      body: string;
      signature: string;
    };
    const bodyBytes = new Uint8Array(Buffer.from(body, 'base64'));
    const signatureBytes = parseBase64Bytes(signature, SIGNATURE_BYTES);
    return signatureBytes && { body: bodyBytes, signature: signatureBytes };
  }

  isReserved(requestId: string): boolean {
    return this.ledger.isReserved(requestId);
  }

  status(): BudgetStatus {
    return this.ledger.status();
  }

  close(): void {
    this.ledger.close();
  }
}
