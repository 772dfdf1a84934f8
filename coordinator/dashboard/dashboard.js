/*
 * The coordinator's dashboard: a small single-page app over the REST API.
 *   #/            leaderboard per task (public)
 *   #/round/ID    a model's report (report.js)
 *   #/status/ID   a round's live status, polled every 2 s (operator token)
 * The operator token, when pasted, is kept in sessionStorage only (gone when
 * the tab closes) and sent as a Bearer header; without it the page reads
 * public data only.
 */
/* global document, window, sessionStorage, setTimeout, clearTimeout */
import {
  api,
  fmt,
  h,
  note,
  renderWho,
  row,
  section,
  showAlert,
  table,
  token,
  TOKEN_KEY,
  when,
} from './page.js';
import { reportView } from './report.js';

const POLL_MS = 2000;

// ---------------------------------------------------------------- leaderboard

async function leaderboardView(view) {
  const [tasks, rows] = await Promise.all([api('/v1/tasks'), api('/v1/leaderboard')]);
  view.append(
    h('h1', {}, ['Leaderboard']),
    note(
      'Published rounds per benchmark task, best first. Figures are pooled over the sites from their noisy statistics. Pick a model for its report.',
    ),
  );
  for (const task of tasks) {
    const mine = rows.filter((r) => r.task === task.id);
    const body = mine.length === 0 ? [note('No published results yet.')] : [leaderboardTable(mine)];
    view.append(
      section(
        `${task.title}`,
        [h('p', { class: 'task-key' }, [h('code', {}, [task.id])]), ...body],
        'task',
      ),
    );
  }
}

function leaderboardTable(rows) {
  const metric = rows[0].metric === 'mean_auroc' ? 'mean AUROC ↑' : 'mean MAE ↓';
  const body = rows.map((r, i) => {
    const link = h('a', { href: `#/round/${encodeURIComponent(r.round_id)}` }, [
      r.model || r.model_digest.slice(0, 12),
    ]);
    const tr = row(
      [
        String(i + 1),
        link,
        r.owner,
        r.estimated_outputs < r.outputs
          ? `${fmt(r.value)} (${r.estimated_outputs} of ${r.outputs})`
          : fmt(r.value),
        String(r.sites),
        String(r.examples),
        when(r.published_at),
        h('code', {}, [r.model_digest.slice(0, 12)]),
      ],
      { class: 'leaderboard-row', 'data-round-id': r.round_id, tabindex: '-1' },
    );
    tr.addEventListener('click', (event) => {
      if (event.target instanceof window.HTMLAnchorElement) return;
      window.location.hash = `#/round/${encodeURIComponent(r.round_id)}`;
    });
    return tr;
  });
  return table(
    ['#', 'model', 'owner', metric, 'sites', 'examples', 'published', 'digest'],
    body,
    'leaderboard',
  );
}

// ---------------------------------------------------------------- status

async function statusView(view, roundId, isCurrent) {
  const form = h('form', { class: 'watch', autocomplete: 'off' }, [
    h('label', { for: 'round-input' }, ['Round id ']),
    h('input', {
      id: 'round-input',
      name: 'round',
      value: roundId ?? '',
      required: true,
      spellcheck: 'false',
    }),
    h('button', { type: 'submit' }, ['Watch']),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.elements.namedItem('round').value.trim();
    if (value) window.location.hash = `#/status/${encodeURIComponent(value)}`;
  });
  view.append(h('h1', {}, ['Round status']));
  if (!token()) {
    view.append(
      note(
        'Live status needs the operator token (top right). Published results are on the leaderboard.',
      ),
    );
    return;
  }
  const nodes = h('div', { class: 'nodes' });
  const rounds = h('div', { class: 'rounds' });
  const live = h('div', { class: 'live', 'aria-live': 'polite' });
  view.append(form, nodes, rounds, live);
  api('/v1/nodes')
    .then((list) => isCurrent() && renderNodes(nodes, list))
    .catch((error) => isCurrent() && showAlert(error));
  api('/v1/rounds')
    .then((list) => isCurrent() && renderRounds(rounds, list))
    .catch((error) => isCurrent() && showAlert(error));
  if (roundId) await poll(live, roundId, isCurrent);
}

function renderNodes(target, nodes) {
  target.replaceChildren(
    h('h2', {}, ['Nodes']),
    h(
      'ul',
      { class: 'node-list' },
      nodes.map((n) =>
        h('li', { class: n.connected ? 'connected' : 'disconnected' }, [
          `${n.id} — ${n.connected ? 'connected' : 'not connected'}`,
        ]),
      ),
    ),
  );
}

/** The latest rounds, newest first, each a link to its live status. */
function renderRounds(target, rounds) {
  target.replaceChildren(
    h('h2', {}, ['Rounds']),
    h(
      'ul',
      { class: 'round-list' },
      rounds
        .slice(0, 20)
        .map((r) =>
          h('li', { class: `round-item state-${r.state}` }, [
            h('a', { href: `#/status/${encodeURIComponent(r.id)}` }, [r.id]),
            ` ${r.benchmarkTask} — ${r.state}`,
          ]),
        ),
    ),
  );
}

let pollTimer = null;

/** Shows the round now and every POLL_MS while it runs and the view is current. */
async function poll(target, roundId, isCurrent) {
  const { round, tasks } = await api(`/v1/rounds/${encodeURIComponent(roundId)}`);
  if (!isCurrent()) return;
  renderStatus(target, round, tasks);
  if (round.state === 'running') {
    pollTimer = setTimeout(() => {
      poll(target, roundId, isCurrent).catch((error) => isCurrent() && showAlert(error));
    }, POLL_MS);
  }
}

function renderStatus(target, round, tasks) {
  const rows = tasks.map((t) =>
    row(
      [
        t.nodeId,
        t.state,
        h('td', {}, [
          h('progress', { max: '1', value: String(t.progress) }),
          ` ${Math.round(100 * t.progress)}%`,
        ]),
        t.errorCode ?? '',
      ],
      { class: `task-row state-${t.state}` },
    ),
  );
  const done = tasks.filter((t) => t.state === 'done').length;
  const left = round.deadlineAt - Date.now();
  target.replaceChildren(
    h('h2', {}, [`${round.benchmarkTask} — ${round.state}`]),
    h('dl', { class: 'summary' }, [
      h('dt', {}, ['round']),
      h('dd', {}, [round.id]),
      h('dt', {}, ['released']),
      h('dd', {}, [`${done} of ${tasks.length} (quorum ${round.quorum})`]),
      h('dt', {}, ['deadline']),
      h('dd', {}, [
        round.state === 'running' && left > 0
          ? `${Math.ceil(left / 1000)} s left`
          : when(round.deadlineAt),
      ]),
      h('dt', {}, ['updated']),
      h('dd', {}, [new Date().toISOString().slice(11, 19) + ' UTC']),
    ]),
    table(['site', 'state', 'progress', 'code'], rows, 'status'),
    round.state === 'running'
      ? note(`Refreshing every ${POLL_MS / 1000} s.`)
      : h('p', {}, [
          h('a', { href: `#/round/${encodeURIComponent(round.id)}` }, ['results of this round']),
        ]),
  );
}

// ---------------------------------------------------------------- shell

let generation = 0;

async function route() {
  generation += 1;
  const mine = generation;
  const isCurrent = () => mine === generation;
  if (pollTimer !== null) clearTimeout(pollTimer);
  pollTimer = null;
  showAlert(null);
  const main = document.getElementById('view');
  main.removeAttribute('data-ready');
  // Views draw into a detached element, shown only if the user has not moved on meanwhile.
  const view = document.createElement('div');
  try {
    const [, page, id] = (window.location.hash || '#/')
      .split('/')
      .map((part) => decodeURIComponent(part));
    if (page === 'status') {
      main.replaceChildren(view);
      await statusView(view, id, isCurrent);
    } else {
      await (page === 'round' && id ? reportView(view, id) : leaderboardView(view));
      if (isCurrent()) main.replaceChildren(view);
    }
    if (isCurrent()) main.setAttribute('data-ready', page || 'leaderboard');
  } catch (error) {
    if (isCurrent()) showAlert(error);
  }
}

function setUpToken() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = input.value.trim();
    input.value = '';
    if (!value) return;
    sessionStorage.setItem(TOKEN_KEY, value);
    renderWho();
    route();
  });
  document.getElementById('token-forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    renderWho();
    route();
  });
  renderWho();
}

setUpToken();
window.addEventListener('hashchange', () => route());
route();
