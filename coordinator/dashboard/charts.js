/*
 * The dashboard's charts, drawn as inline SVG with no library: ROC curves,
 * calibration plots, forest plots and error histograms. Every element is
 * made with createElementNS and every text with textContent, so names that
 * come from model owners or sites are never parsed as markup. Colours and
 * strokes live in dashboard.css (the page's CSP allows no inline style).
 */
/* global document */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children (elements or strings). */
export function svg(tag, attributes = {}, children = []) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  for (const child of children) {
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A linear map from [d0, d1] to [r0, r1]. */
function scale([d0, d1], [r0, r1]) {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

function fixed(value) {
  return Number(value.toFixed(2));
}

/** A path through points, `M x y L x y …`. */
function pathOf(points) {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${fixed(x)} ${fixed(y)}`).join(' ');
}

/** A chart frame: the SVG, its accessible title, the plot box and the scales. */
function frame({ title, className, width = 320, height = 300, x, y, margin = {} }) {
  const m = { top: 26, right: 14, bottom: 42, left: 48, ...margin };
  const root = svg('svg', {
    class: `chart ${className}`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
  });
  root.append(svg('title', {}, [title]));
  root.append(svg('text', { class: 'chart-title', x: m.left, y: 16 }, [title]));
  const box = { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom };
  return {
    root,
    box,
    sx: scale(x, [box.left, box.right]),
    sy: scale(y, [box.bottom, box.top]),
  };
}

/** Axes with tick labels at `xTicks`/`yTicks` and axis titles. */
function axes({ root, box, sx, sy }, { xTicks, yTicks, xLabel, yLabel, format = String }) {
  const group = svg('g', { class: 'axes' });
  group.append(
    svg('rect', {
      class: 'plot-area',
      x: box.left,
      y: box.top,
      width: box.right - box.left,
      height: box.bottom - box.top,
    }),
  );
  for (const t of xTicks) {
    group.append(
      svg('line', { class: 'tick', x1: sx(t), x2: sx(t), y1: box.bottom, y2: box.bottom + 4 }),
    );
    group.append(
      svg('text', { class: 'tick-label', x: sx(t), y: box.bottom + 15, 'text-anchor': 'middle' }, [
        format(t),
      ]),
    );
  }
  for (const t of yTicks) {
    group.append(
      svg('line', { class: 'tick', x1: box.left - 4, x2: box.left, y1: sy(t), y2: sy(t) }),
    );
    group.append(
      svg('text', { class: 'tick-label', x: box.left - 6, y: sy(t) + 3, 'text-anchor': 'end' }, [
        format(t),
      ]),
    );
  }
  const midX = (box.left + box.right) / 2;
  const midY = (box.top + box.bottom) / 2;
  group.append(
    svg('text', { class: 'axis-label', x: midX, y: box.bottom + 32, 'text-anchor': 'middle' }, [
      xLabel,
    ]),
  );
  if (yLabel !== undefined) {
    group.append(
      svg(
        'text',
        {
          class: 'axis-label',
          x: 12,
          y: midY,
          'text-anchor': 'middle',
          transform: `rotate(-90 12 ${midY})`,
        },
        [yLabel],
      ),
    );
  }
  root.append(group);
}

const UNIT_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** A [0, 1]² chart with its axes and the diagonal (chance for ROC, perfect calibration). */
function unitSquare(title, className, xLabel, yLabel) {
  const chart = frame({ title, className, x: [0, 1], y: [0, 1] });
  axes(chart, { xTicks: UNIT_TICKS, yTicks: UNIT_TICKS, xLabel, yLabel });
  const { root, sx, sy } = chart;
  const diagonal = [
    [sx(0), sy(0)],
    [sx(1), sy(1)],
  ];
  root.append(svg('path', { class: 'reference', d: pathOf(diagonal) }));
  return chart;
}

/** ROC curve: `curve.points` ({fpr, tpr}) with the chance diagonal and the AUC. */
export function rocChart(curve, title) {
  const { root, sx, sy } = unitSquare(title, 'roc', 'false positive rate', 'true positive rate');
  const points = curve.points.map((p) => [sx(p.fpr), sy(p.tpr)]);
  root.append(svg('path', { class: 'curve', d: pathOf(points), 'data-points': points.length }));
  for (const [x, y] of points)
    root.append(svg('circle', { class: 'curve-point', cx: fixed(x), cy: fixed(y), r: 1.8 }));
  root.append(
    svg('text', { class: 'annotation', x: sx(0.97), y: sy(0.05), 'text-anchor': 'end' }, [
      `AUC ${curve.auc.toFixed(3)}`,
    ]),
  );
  return root;
}

/** Calibration: observed positive rate against the bin centre, dot area ∝ examples. */
export function calibrationChart(bins, title) {
  const { root, sx, sy } = unitSquare(
    title,
    'calibration',
    'mean predicted probability',
    'observed positive rate',
  );
  const shown = bins.filter((b) => b.observed !== null);
  const largest = Math.max(1, ...shown.map((b) => b.count));
  root.append(
    svg('path', { class: 'curve', d: pathOf(shown.map((b) => [sx(b.predicted), sy(b.observed)])) }),
  );
  for (const bin of shown) {
    const dot = svg('circle', {
      class: 'bin',
      cx: fixed(sx(bin.predicted)),
      cy: fixed(sy(bin.observed)),
      r: fixed(2 + 5 * Math.sqrt(bin.count / largest)),
    });
    dot.append(
      svg('title', {}, [
        `${bin.lower.toFixed(2)}–${bin.upper.toFixed(2)}: ` +
          `${(100 * bin.observed).toFixed(1)}% of ≈${Math.round(bin.count)}`,
      ]),
    );
    root.append(dot);
  }
  return root;
}

/** Error histogram (prediction − target) in the target's unit. */
export function errorHistogramChart(curves, title) {
  const tallest = Math.max(1, ...curves.bins.map((b) => b.count));
  const chart = frame({
    title,
    className: 'histogram',
    x: [-curves.maxError, curves.maxError],
    y: [0, tallest],
  });
  const m = curves.maxError;
  axes(chart, {
    xTicks: [-m, -m / 2, 0, m / 2, m],
    yTicks: [0, tallest / 2, tallest],
    xLabel: `prediction − target (${curves.unit})`,
    format: (v) => String(Number(v.toPrecision(3))),
  });
  const { root, sx, sy } = chart;
  for (const bin of curves.bins) {
    const x = sx(bin.lower);
    root.append(
      svg('rect', {
        class: 'bar',
        x: fixed(x),
        y: fixed(sy(bin.count)),
        width: fixed(Math.max(0.5, sx(bin.upper) - x - 0.5)),
        height: fixed(sy(0) - sy(bin.count)),
      }),
    );
  }
  root.append(
    svg('path', {
      class: 'reference',
      d: pathOf([
        [sx(0), sy(0)],
        [sx(0), sy(tallest)],
      ]),
    }),
  );
  return root;
}

/**
 * Forest plot: one row per site (square at the estimate, line over its
 * interval), then the random-effects pool as a diamond with its prediction
 * interval, then the pooled-histogram estimate. Rows without an interval
 * show the estimate alone.
 */
export function forestChart({ title, rows, diamond, prediction, domain, reference, format }) {
  const rowHeight = 22;
  const height = 62 + rowHeight * (rows.length + (diamond ? 1 : 0));
  const chart = frame({
    title,
    className: 'forest',
    width: 420,
    height,
    x: domain,
    y: [0, 1],
    margin: { left: 130, bottom: 36 },
  });
  const { root, box } = chart;
  // Intervals (prediction intervals above all) may reach past the range shown: clip them to it.
  const sx = (v) => chart.sx(Math.min(domain[1], Math.max(domain[0], v)));
  const ticks = niceTicks(domain);
  axes({ ...chart, sy: () => box.bottom }, { xTicks: ticks, yTicks: [], xLabel: '', format });
  if (reference !== undefined && reference >= domain[0] && reference <= domain[1]) {
    root.append(
      svg('path', {
        class: 'reference',
        d: pathOf([
          [sx(reference), box.top],
          [sx(reference), box.bottom],
        ]),
      }),
    );
  }
  const rowY = (i) => box.top + rowHeight * (i + 0.5);
  rows.forEach((row, i) => drawForestRow(root, sx, rowY(i), row, box.left));
  if (diamond) {
    const y = rowY(rows.length);
    if (prediction) {
      root.append(
        svg('path', {
          class: 'prediction',
          d: pathOf([
            [sx(prediction[0]), y],
            [sx(prediction[1]), y],
          ]),
        }),
      );
    }
    const d =
      `M${fixed(sx(diamond.lower))} ${y} L${fixed(sx(diamond.estimate))} ${y - 7} ` +
      `L${fixed(sx(diamond.upper))} ${y} L${fixed(sx(diamond.estimate))} ${y + 7} Z`;
    root.append(svg('path', { class: 'diamond', d }));
    root.append(
      svg('text', { class: 'row-label', x: box.left - 8, y: y + 4, 'text-anchor': 'end' }, [
        diamond.label,
      ]),
    );
  }
  return root;
}

function drawForestRow(root, sx, y, row, left) {
  root.append(
    svg('text', { class: 'row-label', x: left - 8, y: y + 4, 'text-anchor': 'end' }, [row.label]),
  );
  if (row.lower !== undefined && row.upper !== undefined) {
    root.append(
      svg('path', {
        class: 'interval',
        d: pathOf([
          [sx(row.lower), y],
          [sx(row.upper), y],
        ]),
      }),
    );
  }
  const size = 7;
  root.append(
    svg('rect', {
      class: `estimate ${row.kind ?? 'site'}`,
      x: fixed(sx(row.estimate) - size / 2),
      y: y - size / 2,
      width: size,
      height: size,
    }),
  );
}

/** Round tick values (steps of 1, 2 or 5 × 10ⁿ) inside `domain`, about five of them. */
export function niceTicks([low, high]) {
  const rough = (high - low) / 5 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const ticks = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
    ticks.push(Number(t.toFixed(10)));
  }
  return ticks;
}

/** A horizontal bar of `fraction` (0–1), for budget spent. */
export function fractionBar(fraction, title) {
  const width = 120;
  const bar = svg('svg', {
    class: 'fraction',
    viewBox: `0 0 ${width} 10`,
    width,
    height: 10,
    role: 'img',
  });
  bar.append(svg('title', {}, [title]));
  bar.append(svg('rect', { class: 'fraction-track', x: 0, y: 0, width, height: 10 }));
  const filled = Math.max(0, Math.min(1, fraction)) * width;
  bar.append(svg('rect', { class: 'fraction-fill', x: 0, y: 0, width: fixed(filled), height: 10 }));
  return bar;
}
