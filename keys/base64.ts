/**
 * Standard base64 (RFC 4648 §4, padded) for key material in files and JSON.
 * Decoding is strict: Node's decoder silently skips invalid characters, so a
 * corrupted key would decode to different bytes instead of failing.
 */
import { Buffer } from 'node:buffer';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Padded standard base64 of `bytes`. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Bytes of `text` when it is canonical padded base64 of exactly `byteLength`
 * bytes; undefined otherwise.
 */
export function parseBase64Bytes(text: string, byteLength: number): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  // Round-trip rejects non-zero padding bits, which would give two texts for one key.
  if (bytes.length !== byteLength || bytes.toString('base64') !== text) return undefined;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
