/**
 * The web dashboard: a static page and its own scripts, served by the
 * coordinator itself (no CDN, nothing fetched from elsewhere), that reads the
 * public REST API — and, with an operator token pasted into the page, the
 * operator routes. The assets are plain browser files beside this module in
 * the source tree; `tsc` does not copy them to `dist/`, so the compiled
 * module finds them by walking up to the package root (see findDashboardAssets).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Response } from 'express';
import { CentileError } from '../../benchmark/errors.js';

/** Where the dashboard is served; `/` redirects here. */
const DASHBOARD_PATH = '/dashboard/';

/** The only files served, so nothing else beside them (sources, editor files) ever is. */
const ASSETS = [
  'index.html',
  'dashboard.js',
  'page.js',
  'report.js',
  'charts.js',
  'dashboard.css',
  'favicon.svg',
];

/** Where the assets live, relative to the package root. */
const ASSETS_DIR = path.join('coordinator', 'dashboard');

/**
 * Everything from our own origin and nothing inline: no CDN, no inline
 * script or style, no plugins, no framing, no form posts elsewhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * An express Router serving the dashboard at `/dashboard/` (and redirecting
 * `/` there). Throws `DASHBOARD_ASSETS_MISSING` when the asset folder cannot
 * be found, so a broken install fails at start-up rather than with a 404 later.
 */
export function createDashboardRouter(assetsDir = findDashboardAssets()): express.Router {
  // Strict: `/dashboard` and `/dashboard/` differ (the page's relative URLs need the slash).
  const router = express.Router({ strict: true });
  router.get('/', (_req, res) => res.redirect(302, DASHBOARD_PATH));
  router.get('/dashboard', (_req, res) => res.redirect(301, DASHBOARD_PATH));
  router.get(DASHBOARD_PATH, (_req, res, next) => send(res, assetsDir, 'index.html', next));
  for (const name of ASSETS) {
    router.get(`${DASHBOARD_PATH}${name}`, (_req, res, next) => send(res, assetsDir, name, next));
  }
  return router;
}

/**
 * The nearest folder at or above this module holding `coordinator/dashboard/
 * index.html`: the source folder itself under tsx, the package root's copy
 * when running from `dist/coordinator/dashboard/`.
 */
export function findDashboardAssets(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, ASSETS_DIR);
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new CentileError(
    'failed-precondition',
    'DASHBOARD_ASSETS_MISSING',
    'the dashboard files (coordinator/dashboard/) are not installed beside the program',
  );
}

function send(res: Response, root: string, name: string, next: (error?: unknown) => void): void {
  res.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Revalidate every time: a coordinator upgrade must not leave an old script cached.
    'cache-control': 'no-cache',
  });
  res.sendFile(name, { root, dotfiles: 'deny' }, (error) => {
    // After the headers went out (a client that hung up) there is nothing left to answer.
    if (error !== undefined && !res.headersSent) next(error);
  });
}
