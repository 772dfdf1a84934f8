import { strict as assert } from 'node:assert';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import type { WhoScores, WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { scoreWho2007 } from '../../../../benchmark/growth/score-who2007.js';
import { num, readCsvFixture, round2 } from './csv-fixture.js';

type Key = 'waz' | 'haz' | 'whz' | 'baz' | 'hcz';
type FlagColumns = Partial<Record<Key, string>>;

/** Every expected z equals the 2-dp rounding of ours, or both are missing. Returns the count compared. */
function compare(id: string, scores: WhoScores, expected: Partial<Record<Key, number>>): number {
  let compared = 0;
  for (const [key, want] of Object.entries(expected) as [Key, number][]) {
    const got = scores[key];
    if (Number.isNaN(want)) {
      assert.ok(Number.isNaN(got), `id ${id} ${key}: expected missing, got ${got}`);
      continue;
    }
    assert.equal(round2(got), want, `id ${id} ${key}: ${got}`);
    compared += 1;
  }
  return compared;
}

/** Our flags equal WHO's wherever WHO reports one. Returns the number of raised flags. */
function compareFlags(
  id: string,
  scores: WhoScores,
  row: Record<string, string>,
  columns: FlagColumns,
): number {
  let raised = 0;
  for (const [key, column] of Object.entries(columns) as [Key, string][]) {
    const want = num(row[column]);
    if (Number.isNaN(want)) continue;
    assert.equal(scores.flagged[key], want === 1, `id ${id} flag ${key}`);
    if (want === 1) raised += 1;
  }
  return raised;
}

describe('scoreWho against the WHO 2006 example survey (igrowup macro output)', () => {
  const rows = readCsvFixture('survey_z_st.csv');
  // Aged 1832–1852 days: the macro scored them on the 2006 tables (to 1856 d);
  // anthro stops below 60 months and anthroplus takes over from 60.
  const pastSixtyMonths = new Set(['4', '44', '95', '343']);
  const visitOf = (row: Record<string, string>): WhoVisit => ({
    sex: row.GENDER === '1' ? 1 : 2,
    ageDays: num(row._agedays),
    // WHO computes no weight-based z for a child with oedema.
    weightKg: row.oedema === 'y' ? Number.NaN : num(row.WEIGHT),
    statureCm: num(row.HEIGHT),
    recumbent: row.measure === 'l',
    headCircumferenceCm: num(row.HEAD),
  });

  it('reads the whole fixture', () => {
    assert.equal(rows.length, 498);
  });

  it('matches every _ZWEI, _ZLEN, _ZWFL, _ZBMI and _ZHC to 2 decimals, and the flags', () => {
    let compared = 0;
    for (const row of rows.filter((r) => !pastSixtyMonths.has(r.id ?? ''))) {
      const id = row.id ?? '';
      const scores = scoreWho(visitOf(row));
      compared += compare(id, scores, {
        waz: num(row._ZWEI),
        haz: num(row._ZLEN),
        whz: num(row._ZWFL),
        baz: num(row._ZBMI),
        hcz: num(row._ZHC),
      });
      compareFlags(id, scores, row, {
        waz: '_FWEI',
        haz: '_FLEN',
        whz: '_FWFL',
        baz: '_FBMI',
        hcz: '_FHC',
      });
    }
    // 489 + 475 + 467 + 468 + 94 non-missing values, less the 16 of the four records past 60 months.
    assert.equal(compared, 489 + 475 + 467 + 468 + 94 - 16);
  });

  it('scores children past 60 months on the WHO 2007 reference, with no WHZ or HCZ', () => {
    for (const row of rows.filter((r) => pastSixtyMonths.has(r.id ?? ''))) {
      const visit = visitOf(row);
      const scores = scoreWho(visit);
      const months = visit.ageDays / 30.4375;
      const expected = scoreWho2007(visit.sex, months, visit.weightKg, visit.statureCm);
      assert.ok(months >= 60 && !Number.isNaN(scores.waz), `id ${row.id}`);
      assert.deepEqual(scores, expected);
      assert.ok(Number.isNaN(scores.whz) && Number.isNaN(scores.hcz));
    }
  });
});

describe('scoreWho against the WHO 2007 example survey (WHO 2007 macro output)', () => {
  const rows = readCsvFixture('survey_who2007_z.csv');

  it('matches every zhfa, zwfa and zbfa to 2 decimals, and the flags', () => {
    assert.equal(rows.length, 933);
    let compared = 0;
    let raised = 0;
    for (const row of rows) {
      const id = row.id ?? '';
      const months = num(row.agemons);
      // ageDays from the exact age in months, so scoreWho sees the months the macro saw.
      const scores = scoreWho({
        sex: row.sex === '1' ? 1 : 2,
        ageDays: months * 30.4375,
        weightKg: row.oedema === 'y' ? Number.NaN : num(row.weight),
        statureCm: num(row.height),
        recumbent: false,
        headCircumferenceCm: Number.NaN,
      });
      // The macro's upper limits were exclusive (< 229, < 121 months); anthroplus's
      // are inclusive (≤ 228, ≤ 120), as its own test of this file notes.
      const heightOk = months <= 228;
      const weightOk = months <= 120;
      compared += compare(id, scores, {
        haz: heightOk ? num(row.zhfa) : Number.NaN,
        waz: weightOk ? num(row.zwfa) : Number.NaN,
        baz: heightOk ? num(row.zbfa) : Number.NaN,
        whz: Number.NaN,
        hcz: Number.NaN,
      });
      raised += compareFlags(id, scores, row, {
        ...(heightOk ? { haz: 'fhfa', baz: 'fbfa' } : {}),
        ...(weightOk ? { waz: 'fwfa' } : {}),
      });
    }
    // 924 + 258 + 919 non-missing values, less 4 beyond 228 months (×2) and 4 beyond 120 (WAZ).
    assert.equal(compared, 924 + 258 + 919 - 8 - 4);
    assert.ok(raised >= 9, `raised ${raised}`);
  });

  it('matches anthroplus around 60 months (anthroplus tests)', () => {
    const at = (months: number, height: number, weight: number): number[] => {
      const s = scoreWho2007(2, months, weight, height);
      return [s.waz, s.baz, s.haz].map(round2);
    };
    assert.deepEqual(at(60.32, 113.8, 18.7), [0.21, -0.58, 0.96]);
    assert.deepEqual(at(60.911701, 113.6, 20.5), [0.79, 0.42, 0.85]);
  });

  it('treats the upper age limits as inclusive', () => {
    const at = (months: number): WhoScores => scoreWho2007(1, months, 30, 60);
    assert.ok(!Number.isNaN(at(120).waz) && Number.isNaN(at(120.1).waz));
    assert.ok(!Number.isNaN(at(228).haz) && Number.isNaN(at(228.1).haz));
    assert.ok(Number.isNaN(at(228.1).baz) && Number.isNaN(at(59.9).baz));
  });
});
