/**
 * Who is calling the REST API. Operators present the operator token
 * (`Authorization: Bearer …`); model owners sign each request with their
 * Ed25519 key (keys/request-signature.ts) and must be registered in the
 * coordinator config; anyone else is `public` and reaches only public
 * routes (the leaderboard, the catalog, the OpenAPI document).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CentileError } from '../../benchmark/errors.js';
import { signPublicKeyBytes } from '../../keys/identity.js';
import type { PublicIdentity } from '../../keys/identity.js';
import {
  OWNER_AUTH_SCHEME,
  parseOwnerAuthorization,
  requestSigningBytes,
} from '../../keys/request-signature.js';
import { verifySignedMessage } from '../../keys/signed-message.js';

export type Principal =
  | { readonly role: 'operator' }
  | { readonly role: 'owner'; readonly name: string; readonly keyId: string }
  | { readonly role: 'public' };

/** How far an owner's clock may be from ours; each signature is accepted once within it. */
const SIGNATURE_WINDOW_MS = 5 * 60_000;

export interface AuthenticateDeps {
  readonly operatorToken: string;
  /** Registered model owners by key id. */
  readonly owners: ReadonlyMap<string, PublicIdentity>;
  readonly now: () => number;
}

/** Sets `res.locals.principal`; a credential that is present but wrong is refused outright. */
export function authenticate(deps: AuthenticateDeps) {
  const expected = digest(deps.operatorToken);
  const seen = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get('authorization');
    const principal = (): Promise<Principal> => {
      if (header === undefined) return Promise.resolve({ role: 'public' });
      if (header.startsWith('Bearer ')) return Promise.resolve(operator(header, expected));
      if (header.startsWith(OWNER_AUTH_SCHEME)) return owner(deps, seen, req, header);
      return Promise.reject(unauthenticated('AUTH_SCHEME_UNKNOWN', 'unknown authorization scheme'));
    };
    principal()
      .then((who) => {
        res.locals.principal = who;
        next();
      })
      .catch(next);
  };
}

/** The caller, as `authenticate` found it. */
function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? { role: 'public' };
}

/** Refuses unless the caller has one of `roles`. */
export function requireRole(res: Response, ...roles: Principal['role'][]): Principal {
  const who = principalOf(res);
  if (roles.includes(who.role)) return who;
  if (who.role === 'public') throw unauthenticated('AUTH_REQUIRED', 'this route needs credentials');
  throw new CentileError('permission-denied', 'ROLE_NOT_ALLOWED', `not allowed for a ${who.role}`);
}

function operator(header: string, expected: Buffer): Principal {
  // Hashing first gives equal lengths, so the comparison is constant-time.
  if (!timingSafeEqual(digest(header.slice('Bearer '.length)), expected)) {
    throw unauthenticated('OPERATOR_TOKEN_INVALID', 'missing or wrong operator token');
  }
  return { role: 'operator' };
}

async function owner(
  deps: AuthenticateDeps,
  seen: Map<string, number>,
  req: Request,
  header: string,
): Promise<Principal> {
  const auth = parseOwnerAuthorization(header);
  const identity = auth && deps.owners.get(auth.keyId);
  if (auth === undefined || identity === undefined) {
    throw unauthenticated('OWNER_UNKNOWN', 'not a registered model owner');
  }
  const now = deps.now();
  if (Math.abs(now - auth.timestampMs) > SIGNATURE_WINDOW_MS) {
    throw unauthenticated('REQUEST_EXPIRED', 'request timestamp is outside the allowed window');
  }
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const bytes = requestSigningBytes(req.method, req.originalUrl, auth.timestampMs, body);
  const signed = { body: bytes, signature: auth.signature };
  if (!(await verifySignedMessage(signed, signPublicKeyBytes(identity)))) {
    throw unauthenticated('REQUEST_SIGNATURE_INVALID', 'request signature does not verify');
  }
  rememberOnce(seen, Buffer.from(auth.signature).toString('base64'), now);
  return { role: 'owner', name: identity.name, keyId: identity.keyId };
}

/** Accepts each signature once while it is within the window (then its timestamp expires it). */
function rememberOnce(seen: Map<string, number>, signature: string, now: number): void {
  for (const [key, at] of seen) if (now - at > SIGNATURE_WINDOW_MS * 2) seen.delete(key);
  if (seen.has(signature)) throw unauthenticated('REQUEST_REPLAYED', 'request was already used');
  seen.set(signature, now);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function unauthenticated(code: string, message: string): CentileError {
  return new CentileError('unauthenticated', code, message);
}
