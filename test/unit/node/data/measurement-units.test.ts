import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { parseDecimal } from '../../../../node/data/decimal.js';
import {
  isKnownUnit,
  isPlausible,
  parseKind,
  toSiValue,
} from '../../../../node/data/measurement-units.js';

const si = (kind: MeasurementKind, value: string, unit: string): number | undefined => {
  const decimal = parseDecimal(value);
  assert.ok(decimal);
  return toSiValue(kind, decimal, unit);
};

describe('node/data/measurement-units', () => {
  const { weight, length, height, headCircumference, bmi } = MeasurementKind;

  it('maps kind names case-insensitively', () => {
    assert.equal(parseKind('weight'), weight);
    assert.equal(parseKind('LENGTH'), length);
    assert.equal(parseKind('height'), height);
    assert.equal(parseKind('Head_Circumference'), headCircumference);
    assert.equal(parseKind('bmi'), bmi);
    for (const text of ['stature', 'head circumference', 'toString', '__proto__', '']) {
      assert.equal(parseKind(text), undefined, text);
    }
  });

  it('converts every unit by its exact definition', () => {
    assert.equal(si(weight, '2', 'kg'), 2);
    assert.equal(si(weight, '2500', 'g'), 2.5);
    assert.equal(si(weight, '1', 'lb'), 0.45359237);
    assert.equal(si(weight, '16', 'oz'), 0.45359237);
    assert.equal(si(length, '1', 'in'), 2.54);
    assert.equal(si(height, '0.95', 'm'), 95);
    assert.equal(si(headCircumference, '345', 'MM'), 34.5);
    assert.equal(si(bmi, '17.25', 'kg/m2'), 17.25);
    assert.equal(si(bmi, '17.25', 'kg/m²'), 17.25);
  });

  it('refuses units of another kind', () => {
    assert.equal(si(weight, '1', 'cm'), undefined);
    assert.equal(si(length, '1', 'kg'), undefined);
    assert.equal(si(bmi, '1', 'kg'), undefined);
    assert.equal(isKnownUnit('cm', weight), false);
    assert.equal(isKnownUnit('cm', undefined), true);
    assert.equal(isKnownUnit('stone', undefined), false);
    assert.equal(isKnownUnit('constructor', undefined), false);
  });

  it('applies inclusive plausibility ranges', () => {
    assert.equal(isPlausible(weight, 0.2), true);
    assert.equal(isPlausible(weight, 0.19), false);
    assert.equal(isPlausible(weight, 250), true);
    assert.equal(isPlausible(weight, 250.01), false);
    assert.equal(isPlausible(height, 19.9), false);
    assert.equal(isPlausible(length, 20), true);
    assert.equal(isPlausible(headCircumference, 70.1), false);
    assert.equal(isPlausible(headCircumference, 15), true);
    assert.equal(isPlausible(bmi, 4.9), false);
    assert.equal(isPlausible(bmi, 100), true);
    assert.equal(isPlausible(weight, Number.POSITIVE_INFINITY), false);
  });
});
