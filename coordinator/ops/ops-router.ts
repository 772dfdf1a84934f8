import express from 'express';
import type { Registry } from 'prom-client';
import { failingChecks } from '../../benchmark/readiness.js';
import type { ReadinessCheck } from '../../benchmark/readiness.js';

/**
 * `/healthz` (the process answers), `/readyz` (200, or 503 naming what is not
 * ready) and `/metrics` (Prometheus text). Mounted before the operator-token
 * check: they carry no secrets and no patient data, only counts by state,
 * call statistics and process figures, so a scraper needs no credential.
 */
export function createOpsRouter(
  registry: Registry,
  checks: readonly ReadinessCheck[],
): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => void res.json({ ok: true }));
  router.get('/readyz', (_req, res) => {
    const notReady = failingChecks(checks);
    res.status(notReady.length === 0 ? 200 : 503).json({ ready: notReady.length === 0, notReady });
  });
  router.get('/metrics', (_req, res, next) => {
    registry
      .metrics()
      .then((text) => void res.set('content-type', registry.contentType).send(text))
      .catch(next);
  });
  return router;
}
