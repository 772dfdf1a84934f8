import { strict as assert } from 'node:assert';
import { Position, Quantity } from '../../../../../node/data/fhir/fhir-codes.js';
import { parseFhirObservation } from '../../../../../node/data/fhir/parse-fhir-observation.js';
import { parseIsoDay } from '../../../../../node/data/parse-iso-day.js';

const loinc = (...codes: string[]) => ({
  coding: codes.map((code) => ({ system: 'http://loinc.org', code })),
});
const base = {
  resourceType: 'Observation',
  status: 'final',
  subject: { reference: 'Patient/1' },
  effectiveDateTime: '2021-05-06',
  valueQuantity: { value: 80, code: 'cm' },
};

describe('node/data/fhir/parseFhirObservation', () => {
  it('merges growth codings: stated wins, a position code wins', () => {
    const stated = parseFhirObservation({ ...base, code: loinc('8302-2', '3138-5') });
    assert.deepEqual(stated, {
      type: 'growth',
      observation: {
        subject: 'Patient/1',
        day: parseIsoDay('2021-05-06'),
        quantity: Quantity.stature,
        position: Position.unknown,
        value: 80,
        estimated: true,
      },
    });
    const lying = parseFhirObservation({ ...base, code: loinc('8302-2', '8306-3') });
    assert.equal(lying.type === 'growth' && lying.observation.position, Position.recumbent);
    const mixed = parseFhirObservation({ ...base, code: loinc('8302-2', '29463-7') });
    assert.deepEqual(mixed, {
      type: 'rejected',
      problems: [{ field: 'code', reason: 'UNKNOWN_KIND' }],
    });
  });

  it('reads a reported method as estimated and effectiveInstant as the date', () => {
    const result = parseFhirObservation({
      ...base,
      effectiveDateTime: undefined,
      effectiveInstant: '2021-05-07T10:00:00Z',
      code: loinc('29463-7'),
      valueQuantity: { value: 9, code: 'kg' },
      method: { coding: [{ system: 'http://snomed.info/sct', code: '733985002' }] },
    });
    assert.equal(result.type, 'growth');
    assert.equal(result.type === 'growth' && result.observation.estimated, true);
    assert.equal(result.type === 'growth' && result.observation.day, parseIsoDay('2021-05-07'));
  });

  it('a value wins over a dataAbsentReason; gestational age needs no date', () => {
    const both = parseFhirObservation({
      ...base,
      code: loinc('9843-4'),
      dataAbsentReason: { text: 'unknown' },
    });
    assert.equal(both.type, 'growth');
    const gestation = parseFhirObservation({
      ...base,
      effectiveDateTime: undefined,
      code: loinc('18185-9'),
      valueQuantity: { value: 36, code: 'wk' },
    });
    assert.equal(gestation.type === 'growth' && gestation.observation.value, 252);
  });

  it('ignores what is not a growth measurement, whatever its state', () => {
    for (const resource of [
      { ...base, code: loinc('59576-9') }, // BMI percentile: recomputed, never read
      { ...base, code: { coding: [{ system: 'http://snomed.info/sct', code: '29463-7' }] } },
      { ...base, code: loinc('2339-0'), status: 'entered-in-error' },
      { ...base, code: 'weight' },
      { ...base, code: undefined },
    ]) {
      assert.deepEqual(parseFhirObservation(resource), { type: 'ignored' });
    }
  });

  it('reports a missing status as not final and a missing value', () => {
    assert.deepEqual(parseFhirObservation({ ...base, status: undefined, code: loinc('29463-7') }), {
      type: 'rejected',
      problems: [{ field: 'status', reason: 'NOT_FINAL' }],
    });
    assert.deepEqual(
      parseFhirObservation({ ...base, code: loinc('29463-7'), valueQuantity: undefined }),
      { type: 'rejected', problems: [{ field: 'valueQuantity', reason: 'MISSING_VALUE' }] },
    );
  });
});
