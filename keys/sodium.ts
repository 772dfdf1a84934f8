/**
 * The one place libsodium is loaded. Its WebAssembly module initialises
 * asynchronously, and calling any function before `ready` resolves throws, so
 * every caller goes through `loadSodium()` instead of importing it directly.
 */
import sodium from 'libsodium-wrappers';

let loading: Promise<typeof sodium> | undefined;

/** libsodium, initialised. The first call starts initialisation; later calls share it. */
export function loadSodium(): Promise<typeof sodium> {
  loading ??= sodium.ready.then(() => sodium);
  return loading;
}
