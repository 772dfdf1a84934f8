import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { STATUS_LABELS } from '../../../benchmark/tasks/growth-status-contract.js';
import { callApi, ownerApiTarget } from '../../../cli/operator-api.js';
import type { RoundCurves } from '../../../coordinator/core/round-curves.js';
import type { RoundResults } from '../../../coordinator/core/round-results.js';
import {
  api,
  OWNER,
  startFederation,
  submitModel,
  waitForNodes,
  waitForRound,
} from '../../helpers/federation-fixture.js';
import type { Federation } from '../../helpers/federation-fixture.js';

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it). Never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a page did that a test must see: console errors, uncaught errors, off-machine requests. */
interface PageWatch {
  readonly page: Page;
  readonly errors: string[];
  readonly offMachine: string[];
}

async function openPage(browser: Browser): Promise<PageWatch> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watch: PageWatch = { page, errors: [], offMachine: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (!local) watch.offMachine.push(request.url());
  });
  return watch;
}

describe('the dashboard in headless Chromium', function () {
  this.timeout(180_000);
  let fed: Federation;
  let browser: Browser;
  let roundId: string;
  let curvesBeforePublishing: number;
  const shots = mkdtempSync(path.join(tmpdir(), 'centile-dashboard-'));

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium; .ci/run does)`,
      );
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fed = await startFederation(['urban', 'lowland'], 1000);
    await waitForNodes(fed, 2);
    const model = await submitModel(fed, fed.modelBytes);
    const round = await api<{ id: string }>(fed, 'POST', '/v1/rounds', {
      model_digest: model.digest,
      rho: '0.25',
      dataset: 'growth',
    });
    roundId = round.json.id;
    assert.equal(await waitForRound(fed, roundId), 'complete');
    curvesBeforePublishing = (await fetch(`${fed.api}/v1/rounds/${roundId}/curves`)).status;
    const owner = await ownerApiTarget(fed.api, fed.keysDir, OWNER);
    await callApi(owner, 'POST', `/v1/rounds/${roundId}/publish`);
  });

  after(async () => {
    await browser?.close();
    await fed?.close();
    rmSync(shots, { recursive: true, force: true });
  });

  it('serves the pooled curves to whoever may see the results', async () => {
    assert.equal(curvesBeforePublishing, 404);
    const response = await fetch(`${fed.api}/v1/rounds/${roundId}/curves`);
    assert.equal(response.status, 200);
    const curves = (await response.json()) as RoundCurves;
    assert.equal(curves.kind, 'binary');
    assert.equal(curves.sites, 2);
    assert.deepEqual(Object.keys(curves.outputs), [...STATUS_LABELS]);
    const stunting = curves.outputs.stunting;
    assert.ok(stunting?.kind === 'binary' && stunting.roc !== null);
    // The curve is the pooled result's: its area is the pooled AUROC.
    const { json: results } = await api<RoundResults>(fed, 'GET', `/v1/rounds/${roundId}/results`);
    const pooled = results.pooled?.outputs.stunting;
    assert.ok(pooled && 'auroc' in pooled && pooled.auroc !== null);
    assert.ok(Math.abs(stunting.roc.auc - pooled.auroc) < 1e-12);
    assert.equal(stunting.roc.positives, pooled.positives);
    const points = stunting.roc.points;
    assert.ok(
      points.every(
        (p, i) => i === 0 || (p.fpr >= points[i - 1]!.fpr && p.tpr >= points[i - 1]!.tpr),
      ),
    );
    assert.deepEqual([points.at(-1)?.fpr, points.at(-1)?.tpr], [1, 1]);
    assert.equal((await fetch(`${fed.api}/v1/rounds/nope/curves`)).status, 404);
  });

  it('serves its own files under a strict CSP, and / leads to it', async () => {
    const root = await fetch(`${fed.api}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.get('location'), '/dashboard/');
    const page = await fetch(`${fed.api}/dashboard/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'self';/);
    const script = await fetch(`${fed.api}/dashboard/charts.js`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    // Only the listed assets: never the router's source beside them.
    assert.equal((await fetch(`${fed.api}/dashboard/dashboard-router.ts`)).status, 404);
  });

  it('shows the leaderboard, opens the model report and draws its charts', async () => {
    const { page, errors, offMachine } = await openPage(browser);
    await page.goto(`${fed.api}/dashboard/`);
    const row = page.locator(`tr.leaderboard-row[data-round-id="${roundId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    assert.ok(text.includes('baseline') && text.includes(OWNER), text);

    await row.click();
    await page.locator('main[data-ready="round"]').waitFor();
    const curves = page.locator('section.roc-curves svg.roc path.curve');
    assert.ok((await curves.count()) > 0, 'an ROC curve is drawn');
    for (const curve of await curves.all()) {
      assert.match((await curve.getAttribute('d')) ?? '', /^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){20}$/);
    }
    assert.ok((await page.locator('svg.calibration circle.bin').count()) > 0);
    assert.ok((await page.locator('svg.forest path.diamond').count()) > 0, 'random-effects pool');
    assert.equal(await page.locator('tr.privacy-row').count(), 2);
    assert.ok((await page.locator('table.gaps tbody tr').count()) > 0);

    const file = path.join(shots, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE);
    assert.deepEqual(errors, []);
    assert.deepEqual(offMachine, []);
    await page.close();
  });

  it("shows a round's live status once the operator token is pasted, kept in the session only", async () => {
    const { page, errors, offMachine } = await openPage(browser);
    await page.goto(`${fed.api}/dashboard/#/status/${roundId}`);
    await page.locator('main[data-ready="status"]').waitFor();
    assert.equal(await page.locator('tr.task-row').count(), 0, 'nothing without the token');

    await page.fill('#token-input', fed.token);
    await page.press('#token-input', 'Enter');
    await page.locator('tr.task-row.state-done').nth(1).waitFor();
    await page.locator('li.round-item.state-complete').first().waitFor();
    assert.ok((await page.locator('li.round-item a').allInnerTexts()).includes(roundId));
    assert.equal(await page.locator('#who').innerText(), 'operator view');
    assert.equal(await page.locator('#token-input').inputValue(), '');
    const stored = await page.evaluate(
      "[sessionStorage.getItem('centile.operatorToken'), localStorage.length, document.cookie]",
    );
    assert.deepEqual(stored, [fed.token, 0, '']);
    assert.ok(!page.url().includes(fed.token));
    assert.deepEqual(errors, []);
    assert.deepEqual(offMachine, []);
    await page.close();
  });
});
