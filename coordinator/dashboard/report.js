/*
 * A model's report: pooled metrics with intervals, ROC curves and
 * calibration (binary tasks) or error histograms (regression tasks), a
 * forest plot of the sites per output, subgroup gaps, privacy spent per site
 * and the cells sites suppressed. Reads `/v1/rounds/:id/results`,
 * `/v1/rounds/:id/curves` and the leaderboard (for the model's name).
 */
import {
  calibrationChart,
  errorHistogramChart,
  forestChart,
  fractionBar,
  rocChart,
} from './charts.js';
import { api, fmt, h, note, ratio, row, section, table, token, when } from './page.js';

/** ρ is also shown as ε at this δ (benchmark/privacy/accounting.ts REPORTED_DELTA). */
const DELTA_TEXT = 'δ = 10⁻⁶';

export async function reportView(view, roundId) {
  const id = encodeURIComponent(roundId);
  const [results, curves, board] = await Promise.all([
    api(`/v1/rounds/${id}/results`),
    api(`/v1/rounds/${id}/curves`),
    api('/v1/leaderboard'),
  ]);
  const entry = board.find((r) => r.round_id === roundId);
  const { round } = results;
  view.replaceChildren(
    h('p', {}, [h('a', { href: '#/' }, ['← leaderboard'])]),
    h('h1', {}, [entry ? entry.model : `model ${round.modelDigest.slice(0, 12)}`]),
    summaryList(results, entry),
  );
  view.append(metricsSection(results));
  if (curves.kind === 'binary') {
    view.append(
      chartSection('ROC curves', curves, (c, name) => c.roc && rocChart(c.roc, name), 'roc-curves'),
    );
    view.append(
      chartSection(
        'Calibration',
        curves,
        (c, name) => calibrationChart(c.calibration, name),
        'calibration',
      ),
    );
  } else {
    view.append(
      chartSection(
        'Error distributions',
        curves,
        (c, name) => errorHistogramChart(c, name),
        'errors',
      ),
    );
  }
  view.append(
    forestSection(results),
    gapsSection(results),
    privacySection(results),
    suppressedSection(results),
  );
}

function summaryList(results, entry) {
  const { round, sites } = results;
  const items = [
    ['task', round.benchmarkTask],
    ['owner', entry ? entry.owner : '—'],
    ['round', round.id],
    ['state', round.state],
    [
      'sites released',
      `${sites.filter((s) => s.state === 'done').length} of ${sites.length} (quorum ${round.quorum})`,
    ],
    ['ρ asked of each site', round.rho],
    ['pooled examples (noisy)', results.pooled ? String(Math.round(results.pooled.examples)) : '—'],
    ['published', when(round.publishedAt)],
    ['model digest', round.modelDigest],
  ];
  const list = h('dl', { class: 'summary' });
  for (const [term, value] of items) list.append(h('dt', {}, [term]), h('dd', {}, [value]));
  if (token())
    list.append(
      h('dt', {}, ['live']),
      h('dd', {}, [h('a', { href: `#/status/${encodeURIComponent(round.id)}` }, ['round status'])]),
    );
  return list;
}

function metricsSection(results) {
  const pooled = results.pooled;
  if (!pooled) return section('Pooled metrics', [note('No site has released yet.')]);
  const intervals = results.uncertainty ? results.uncertainty.pooled : {};
  const names = Object.keys(pooled.outputs);
  const binary = names.some((n) => 'auroc' in pooled.outputs[n]);
  const ci = (name) => {
    const i = intervals[name];
    return i ? `${fmt(i.lower)} – ${fmt(i.upper)}` : '—';
  };
  const rows = names.map((name) => {
    const m = pooled.outputs[name];
    // A metric over a count within two noise SDs of 0 is not estimable at this ρ.
    const headline = (value) => (value === null && m.mostlyNoise ? 'noise' : fmt(value));
    return binary
      ? row([
          name,
          headline(m.auroc),
          ci(name),
          fmt(m.auprc),
          fmt(m.sensitivity),
          fmt(m.specificity),
          fmt(m.ece),
          `${Math.round(m.positives)} / ${Math.round(m.negatives)}`,
        ])
      : row([
          name,
          headline(m.mae),
          ci(name),
          fmt(m.rmse),
          fmt(m.bias),
          fmt(m.mape),
          String(Math.round(m.n)),
        ]);
  });
  const headers = binary
    ? [
        'label',
        'AUROC',
        '95% interval',
        'AUPRC',
        'sensitivity',
        'specificity',
        'ECE',
        'positives / negatives',
      ]
    : ['target', 'MAE', '95% interval', 'RMSE', 'bias', 'MAPE', 'examples'];
  return section('Pooled metrics', [
    table(headers, rows, 'metrics'),
    note(
      "Intervals: parametric bootstrap over sampling and the sites' known noise. Sensitivity and specificity at score ≥ 0.5.",
    ),
  ]);
}

function chartSection(title, curves, draw, className) {
  const grid = h('div', { class: 'charts' });
  for (const [name, c] of Object.entries(curves.outputs)) {
    const chart = c ? draw(c, name) : null;
    grid.append(
      h('figure', { class: 'chart-cell' }, [
        chart ?? note(`${name}: no curve (suppressed, or a class is empty).`),
      ]),
    );
  }
  return section(title, [grid], className);
}

function forestSection(results) {
  const uncertainty = results.uncertainty;
  const grid = h('div', { class: 'charts' });
  const names = results.pooled ? Object.keys(results.pooled.outputs) : [];
  for (const name of names) {
    const spec = uncertainty
      ? forestFromUncertainty(uncertainty, name)
      : forestFromPoints(results, name);
    grid.append(
      h('figure', { class: 'chart-cell' }, [
        forestChart(spec),
        h('figcaption', {}, [spec.caption]),
      ]),
    );
  }
  const explain = uncertainty
    ? 'Squares: each site with its 95% interval. Diamond: DerSimonian–Laird random-effects pool; thin line: its 95% prediction interval. Pooled: the summed histograms with a bootstrap interval.'
    : 'This round carries no intervals: site estimates and the pooled value only.';
  return section(
    'Sites (forest plots)',
    names.length === 0 ? [note('No site has released yet.')] : [grid, note(explain)],
    'forest-plots',
  );
}

function forestFromUncertainty(uncertainty, name) {
  const bySite = uncertainty.sites[name] ?? { metric: 'auroc', sites: [], randomEffects: null };
  const pooled = uncertainty.pooled[name];
  const auroc = bySite.metric === 'auroc';
  const rows = bySite.sites.map((s) => ({
    label: s.nodeId,
    estimate: s.estimate,
    lower: s.lower,
    upper: s.upper,
  }));
  if (pooled)
    rows.push({
      label: 'pooled',
      estimate: pooled.estimate,
      lower: pooled.lower,
      upper: pooled.upper,
      kind: 'pooled',
    });
  const re = bySite.randomEffects;
  const diamond = re
    ? { label: 'random effects', estimate: re.pooled, lower: re.lower, upper: re.upper }
    : null;
  const values = [
    ...rows.flatMap((r) => [r.lower, r.upper]),
    ...(diamond ? [diamond.lower, diamond.upper] : []),
    ...(re && re.predictionInterval ? re.predictionInterval : []),
  ];
  return {
    title: `${name} — ${auroc ? 'AUROC' : 'MAE'}`,
    rows,
    diamond,
    prediction: re ? re.predictionInterval : null,
    domain: domainOf(values, auroc),
    reference: auroc ? 0.5 : undefined,
    format: String,
    caption: re
      ? `k = ${re.k}, τ² = ${re.tau2.toPrecision(2)}, I² = ${(100 * re.i2).toFixed(0)}%`
      : 'no random-effects pool',
  };
}

function forestFromPoints(results, name) {
  const headline = (m) => (m ? ('auroc' in m ? m.auroc : m.mae) : null);
  const rows = results.sites
    .map((s) => ({ label: s.nodeId, estimate: headline(s.metrics && s.metrics.outputs[name]) }))
    .filter((r) => typeof r.estimate === 'number');
  const pooled = headline(results.pooled.outputs[name]);
  if (typeof pooled === 'number') rows.push({ label: 'pooled', estimate: pooled, kind: 'pooled' });
  const auroc = 'auroc' in (results.pooled.outputs[name] ?? {});
  return {
    title: `${name} — ${auroc ? 'AUROC' : 'MAE'}`,
    rows,
    diamond: null,
    prediction: null,
    domain: domainOf(
      rows.map((r) => r.estimate),
      auroc,
    ),
    reference: auroc ? 0.5 : undefined,
    format: String,
    caption: 'no intervals',
  };
}

/** The x range of a forest plot: AUROC within [0, 1] and showing 0.5, MAE from 0 up. */
function domainOf(values, unit) {
  const known = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (known.length === 0) return [0, 1];
  let low = Math.min(...known);
  let high = Math.max(...known);
  const pad = Math.max((high - low) * 0.1, 0.01);
  low -= pad;
  high += pad;
  if (unit) return [Math.max(0, Math.min(low, 0.5)), Math.min(1, high)];
  return [Math.max(0, low), high];
}

function gapsSection(results) {
  const fairness = results.pooled ? results.pooled.fairness : {};
  const rows = [];
  let columns = [];
  for (const [dimension, byOutput] of Object.entries(fairness)) {
    for (const [output, gaps] of Object.entries(byOutput)) {
      if (columns.length === 0) columns = Object.keys(gaps);
      rows.push(row([dimension, output, ...columns.map((c) => fmt(gaps[c]))]));
    }
  }
  if (rows.length === 0) return section('Subgroup gaps', [note('No subgroup figures.')], 'gaps');
  return section(
    'Subgroup gaps',
    [
      table(['subgroup', 'output', ...columns.map((c) => c.replaceAll('_', ' '))], rows, 'gaps'),
      note(
        'Largest difference between the levels of each subgroup, from the pooled noisy statistics.',
      ),
    ],
    'gaps',
  );
}

function privacySection(results) {
  const rows = results.sites.map((site) => {
    const total = ratio(site.budget && site.budget.total_rho);
    const remaining = ratio(site.budget && site.budget.remaining_rho);
    const spent = total !== null && remaining !== null ? total - remaining : null;
    const bar =
      spent !== null && total > 0
        ? h('td', {}, [
            fractionBar(spent / total, `${fmt(spent)} of ${fmt(total)} spent`),
            ` ${fmt(spent)} / ${fmt(total)}`,
          ])
        : 'not published';
    return row(
      [
        site.nodeId,
        site.state,
        site.errorCode ?? '',
        site.rho ?? '—',
        fmt(ratio(site.rho), 4),
        fmt(site.epsilon, 2),
        bar,
        site.budget ? site.budget.remaining_rho : '—',
      ],
      { class: 'privacy-row' },
    );
  });
  return section(
    'Privacy spent per site',
    [
      table(
        [
          'site',
          'state',
          'code',
          'ρ (exact)',
          'ρ',
          `ε at ${DELTA_TEXT}`,
          'budget spent (ρ)',
          'remaining (exact)',
        ],
        rows,
        'privacy',
      ),
      note(
        'ρ is what this round charged each site (zCDP); the budget is what the site published with its release.',
      ),
    ],
    'privacy',
  );
}

function suppressedSection(results) {
  const items = [];
  for (const site of results.sites) {
    for (const block of (site.metrics && site.metrics.suppressed) || [])
      items.push(`${site.nodeId}: ${block}`);
  }
  for (const block of (results.pooled && results.pooled.suppressed) || [])
    items.push(`every site: ${block}`);
  const body =
    items.length === 0
      ? [note('No cell was suppressed.')]
      : [
          h(
            'ul',
            { class: 'suppressed' },
            items.map((text) => h('li', {}, [text])),
          ),
        ];
  return section(
    'Suppressed cells',
    [
      ...body,
      note(
        'Subgroup cells a site found too small are zeroed before release and left out of the figures.',
      ),
    ],
    'suppressed',
  );
}
