// Regenerates benchmark/growth/tables/*.ts from the LMS files in
// ../shared/growth-reference/. benchmark/ is pure (no I/O), so the tables
// ship inside the code as string constants and are parsed lazily.
//
//   node scripts/gen-growth-tables.mjs            write the files
//   node scripts/gen-growth-tables.mjs --check    exit 1 when the committed files drift
//   node scripts/gen-growth-tables.mjs --source <dir>   read another copy of growth-reference/
//
// WHO files are copied as they are (CRLF → LF). The CDC tables are cut out of
// CDCref_d.csv, the merged reference of CDC's SAS program, and every value is
// cross-checked against CDC's eight published chart files before anything is
// written (see checkCdcAgainstCharts).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultSource = path.resolve(root, '..', 'shared', 'growth-reference');
const outDir = path.join(root, 'benchmark', 'growth', 'tables');

const WHO_LICENCE = 'GPL-3, © World Health Organization';
const WHO_NOTE = 'Raw tab-separated text of the source files (CRLF line endings normalised to LF).';
const CDC_LICENCE = 'CDC data, U.S. Government work in the public domain';
const CDC_NOTE = 'Tab-separated sex, x, L, M, S at the grid points, numbers copied as written.';

/** Output file → title, licence, exported constant → source (a file, or a CDCref_d chart). */
const TABLES = {
  'who2006.ts': {
    title:
      'WHO Child Growth Standards 2006 (0–5 y), igrowup LMS files from WorldHealthOrganization/anthro',
    licence: WHO_LICENCE,
    note: WHO_NOTE,
    constants: {
      WHO2006_WFA_TSV: 'who2006-anthro/weianthro.txt',
      WHO2006_LHFA_TSV: 'who2006-anthro/lenanthro.txt',
      WHO2006_BFA_TSV: 'who2006-anthro/bmianthro.txt',
      WHO2006_HCFA_TSV: 'who2006-anthro/hcanthro.txt',
      WHO2006_WFL_TSV: 'who2006-anthro/wflanthro.txt',
      WHO2006_WFH_TSV: 'who2006-anthro/wfhanthro.txt',
    },
  },
  'who2006-arm-skinfold.ts': {
    title:
      'WHO Child Growth Standards 2006 (3 mo–5 y), arm circumference and skinfold LMS files from WorldHealthOrganization/anthro',
    licence: WHO_LICENCE,
    note: WHO_NOTE,
    constants: {
      WHO2006_ACFA_TSV: 'who2006-anthro/acanthro.txt',
      WHO2006_TSFA_TSV: 'who2006-anthro/tsanthro.txt',
      WHO2006_SSFA_TSV: 'who2006-anthro/ssanthro.txt',
    },
  },
  'who2007.ts': {
    title: 'WHO Growth Reference 2007 (5–19 y), LMS files from WorldHealthOrganization/anthroplus',
    licence: WHO_LICENCE,
    note: WHO_NOTE,
    constants: {
      WHO2007_HFA_TSV: 'who2007-anthroplus/hfawho2007.txt',
      WHO2007_WFA_TSV: 'who2007-anthroplus/wfawho2007.txt',
      WHO2007_BFA_TSV: 'who2007-anthroplus/bfawho2007.txt',
    },
  },
  'cdc2000.ts': {
    title: "CDC 2000 growth charts as CDC's SAS program reads them (CDCref_d.csv, 2022 version)",
    licence: CDC_LICENCE,
    note: CDC_NOTE,
    constants: {
      CDC2000_WFA_TSV: { denom: 'age', x: 'AGEMOS', chart: 'WT' },
      CDC2000_LFA_TSV: { denom: 'age', x: 'AGEMOS', chart: 'LG' },
      CDC2000_SFA_TSV: { denom: 'age', x: 'AGEMOS', chart: 'HT' },
      CDC2000_BFA_TSV: { denom: 'age', x: 'AGEMOS', chart: 'BMI' },
      CDC2000_HCFA_TSV: { denom: 'age', x: 'AGEMOS', chart: 'HC' },
      CDC2000_WFL_TSV: { denom: 'length', x: 'LG', chart: 'WLG' },
      CDC2000_WFS_TSV: { denom: 'height', x: 'HT', chart: 'WHT' },
    },
  },
};

/** CDC chart file → the CDCref_d chart it must equal at every shared grid point. */
const CDC_CHART_FILES = {
  'wtageinf.csv': 'WT',
  'wtage.csv': 'WT',
  'lenageinf.csv': 'LG',
  'statage.csv': 'HT',
  'bmiagerev.csv': 'BMI',
  'hcageinf.csv': 'HC',
  'wtleninf.csv': 'WLG',
  'wtstat.csv': 'WHT',
};

/**
 * The only known differences (growth-reference/README.md §3): from 24 months
 * CDCref_d takes weight from the 2–20 y chart, which differs from the infant
 * chart by up to 1.3e-5 in L and 1e-7 in M and S (relative), and its weight
 * at 240 months is not wtage.csv's.
 */
const CDC_KNOWN_DIFFERENCES = [
  { file: 'wtageinf.csv', fromX: 24, maxRelative: 1e-4 },
  { file: 'wtage.csv', fromX: 240, maxRelative: 1e-3 },
];

/** Reads one WHO table; only CRLF → LF is changed, so the text stays reviewable in diffs. */
function readTable(source, file) {
  const text = readFileSync(path.join(source, file), 'utf8').replace(/\r\n/g, '\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** CDCref_d.csv as records keyed by column name. */
function readCdcRef(source) {
  const lines = readTable(source, 'cdc2000/CDCref_d.csv').split('\n').filter(Boolean);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
  });
}

/**
 * One chart of CDCref_d as `sex x l m s` rows: every bracket start, then the
 * last bracket's end. Each row of CDCref_d holds a bracket [x1, x2] with the
 * LMS at both ends; consecutive brackets must share their end points, or the
 * table is not the piecewise-linear curve the SAS program interpolates.
 */
function cdcChartRows(records, spec) {
  const rows = [];
  for (const sex of ['1', '2']) {
    const brackets = records.filter(
      (r) => r.denom === spec.denom && r.SEX === sex && r[`_L${spec.chart}1`] !== '',
    );
    const end = (r, k) => [
      r[`_${spec.x}${k}`],
      ...['L', 'M', 'S'].map((p) => r[`_${p}${spec.chart}${k}`]),
    ];
    brackets.forEach((r, i) => {
      const next = brackets[i + 1];
      if (next !== undefined && end(r, 2).some((v, k) => Number(v) !== Number(end(next, 1)[k]))) {
        throw new Error(
          `CDCref_d ${spec.chart}: bracket ${r[`_${spec.x}1`]} does not meet the next`,
        );
      }
      rows.push([sex, ...end(r, 1)]);
    });
    const last = brackets.at(-1);
    if (last === undefined) throw new Error(`CDCref_d ${spec.chart}: no rows`);
    rows.push([sex, ...end(last, 2)]);
  }
  return rows;
}

/** Fails unless every published chart file agrees with CDCref_d (bar the known differences). */
function checkCdcAgainstCharts(source, records) {
  const charts = {};
  for (const spec of Object.values(TABLES['cdc2000.ts'].constants)) {
    charts[spec.chart] = new Map(
      cdcChartRows(records, spec).map((r) => [`${r[0]}:${Number(r[1])}`, r]),
    );
  }
  for (const [file, chart] of Object.entries(CDC_CHART_FILES)) {
    // Two files repeat their header line where the girls' rows start.
    const rows = readTable(source, `cdc2000/${file}`)
      .split('\n')
      .filter((l) => /^\d/.test(l));
    for (const row of rows) {
      const [sex, x, ...lms] = row.split(',').slice(0, 5).map(Number);
      const ours = charts[chart].get(`${sex}:${x}`);
      if (ours === undefined) continue; // a point of the chart file that CDCref_d's grid skips (24.0, 36.0, 240.5)
      const relative = Math.max(...lms.map((v, k) => Math.abs(Number(ours[k + 2]) / v - 1)));
      if (relative === 0) continue;
      const known = CDC_KNOWN_DIFFERENCES.find((d) => d.file === file && x >= d.fromX);
      if (known === undefined || relative > known.maxRelative) {
        throw new Error(`${file} sex ${sex} x ${x}: differs from CDCref_d (${relative})`);
      }
    }
  }
}

/** The TypeScript module text for one output file. */
function renderModule(source, spec, records) {
  const parts = [
    '// generated by scripts/gen-growth-tables.mjs; do not edit.',
    `// ${spec.title}.`,
    `// ${spec.note}`,
    `// Licence and provenance: ./README.md (${spec.licence}).`,
    '',
  ];
  for (const [name, from] of Object.entries(spec.constants)) {
    const text =
      typeof from === 'string'
        ? readTable(source, from)
        : `sex\tx\tl\tm\ts\n${cdcChartRows(records, from)
            .map((r) => `${r.join('\t')}\n`)
            .join('')}`;
    // The text goes into a template literal: refuse anything that could escape it.
    if (!/^[\w\t\n.-]*$/.test(text)) throw new Error(`unexpected characters in ${name}`);
    const origin =
      typeof from === 'string'
        ? from
        : `cdc2000/CDCref_d.csv, denom=${from.denom}, chart ${from.chart}`;
    parts.push(`/** Source: growth-reference/${origin} */`);
    parts.push(`export const ${name} = \`${text}\`;`, '');
  }
  return parts.join('\n');
}

function main(argv) {
  const check = argv.includes('--check');
  const sourceAt = argv.indexOf('--source');
  const source = sourceAt >= 0 ? path.resolve(argv[sourceAt + 1] ?? '') : defaultSource;
  const records = readCdcRef(source);
  checkCdcAgainstCharts(source, records);
  let drift = false;
  for (const [file, spec] of Object.entries(TABLES)) {
    const target = path.join(outDir, file);
    const text = renderModule(source, spec, records);
    if (!check) {
      writeFileSync(target, text);
      continue;
    }
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing counts as drift
    }
    if (current !== text) {
      process.stderr.write(`drift: benchmark/growth/tables/${file}\n`);
      drift = true;
    }
  }
  if (drift) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
