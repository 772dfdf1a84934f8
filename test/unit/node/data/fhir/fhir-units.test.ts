import { strict as assert } from 'node:assert';
import { Quantity } from '../../../../../node/data/fhir/fhir-codes.js';
import { toCohortUnit } from '../../../../../node/data/fhir/fhir-units.js';
import {
  decimalToNumber,
  multiplyDecimal,
  parseDecimal,
} from '../../../../../node/data/decimal.js';

const { weight, stature, headCircumference, bmi, gestation } = Quantity;

/** The exact path: written decimal × exact factor, rounded once. */
function exact(value: number, factor: string): number {
  const written = parseDecimal(String(value));
  const times = parseDecimal(factor);
  assert.ok(written !== undefined && times !== undefined);
  return decimalToNumber(multiplyDecimal(written, times));
}

describe('node/data/fhir/toCohortUnit', () => {
  it('converts every UCUM code to kg, cm, kg/m² or days', () => {
    const cases: Array<[Quantity, number, string, number]> = [
      [weight, 3.4, 'kg', 3.4],
      [weight, 3400, 'g', 3.4],
      [weight, 7.5, '[lb_av]', 3.401942775],
      [weight, 7.5, 'lb', 3.401942775],
      [weight, 120, '[oz_av]', 3.401942775],
      [weight, 120, 'oz', 3.401942775],
      [stature, 50.2, 'cm', 50.2],
      [stature, 502, 'mm', 50.2],
      [stature, 0.502, 'm', 50.2],
      [stature, 19.5, '[in_i]', 49.53],
      [stature, 19.5, 'in', 49.53],
      [stature, 19.5, '[in_us]', 195000 / 3937],
      [headCircumference, 14, '[in_i]', 35.56],
      [bmi, 16.2, 'kg/m2', 16.2],
      [gestation, 32, 'wk', 224],
      [gestation, 224, 'd', 224],
    ];
    for (const [quantity, value, code, expected] of cases) {
      assert.equal(toCohortUnit(quantity, value, code, 'ignored'), expected, code);
    }
  });

  it('reads unit text only when there is no code, and never guesses', () => {
    assert.equal(toCohortUnit(weight, 8, undefined, ' LBS '), 3.62873896);
    assert.equal(toCohortUnit(bmi, 16, undefined, 'kg/m²'), 16);
    assert.equal(toCohortUnit(weight, 8, 'kg', 'lb'), 8); // the code decides
    assert.deepEqual(toCohortUnit(weight, 8, '[stone_av]', 'kg'), {
      field: 'valueQuantity.code',
      reason: 'UNKNOWN_UNIT',
    });
    assert.deepEqual(toCohortUnit(weight, 8, 'KG', undefined), {
      field: 'valueQuantity.code',
      reason: 'UNKNOWN_UNIT', // UCUM codes are case-sensitive
    });
    assert.deepEqual(toCohortUnit(weight, 8, undefined, 'stone'), {
      field: 'valueQuantity.unit',
      reason: 'UNKNOWN_UNIT',
    });
    assert.deepEqual(toCohortUnit(weight, 8, undefined, undefined), {
      field: 'valueQuantity.code',
      reason: 'MISSING_VALUE',
    });
  });

  it('rejects a unit of another dimension', () => {
    assert.equal(typeof toCohortUnit(weight, 50, 'cm', undefined), 'object');
    assert.equal(typeof toCohortUnit(stature, 5, 'kg', undefined), 'object');
    assert.equal(typeof toCohortUnit(bmi, 16, 'kg', undefined), 'object');
    assert.equal(typeof toCohortUnit(gestation, 32, 'cm', undefined), 'object');
    assert.deepEqual(toCohortUnit(stature, 5, undefined, 'lb'), {
      field: 'valueQuantity.unit',
      reason: 'UNKNOWN_UNIT',
    });
  });

  it('the fast path gives exactly the decimal path’s double', () => {
    const factors: Array<[Quantity, string, string]> = [
      [weight, 'g', '0.001'],
      [weight, '[lb_av]', '0.45359237'],
      [weight, '[oz_av]', '0.028349523125'],
      [stature, 'mm', '0.1'],
      [stature, 'm', '100'],
      [stature, '[in_i]', '2.54'],
      [gestation, 'wk', '7'],
    ];
    // Values as exports write them (up to 3 decimals), plus the awkward ones.
    const values = [0.1, 0.3, 1e-7, 1.5e-10, 123456789.123, 98765432109876.5, 1e21, 2 ** 53 + 2];
    for (let k = 1; k <= 30_000; k += 7) values.push(k / 1000, k / 100, k / 10);
    for (const [quantity, code, factor] of factors) {
      for (const value of values) {
        assert.equal(
          toCohortUnit(quantity, value, code, undefined),
          exact(value, factor),
          `${value} ${code}`,
        );
      }
    }
  });
});
