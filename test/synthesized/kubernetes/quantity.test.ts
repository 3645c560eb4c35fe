/** Kubernetes quantities, as the constructs write them and the review compares them. */
import fc from 'fast-check';
import { parseQuantity, quantityValue, scaleQuantity } from '../../../src/synthesized/kubernetes/quantity';

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['32Gi', 32 * 2 ** 30],
    ['1e3', 1000],
    ['.5', 0.5],
    ['1.5k', 1500],
  ])('%s is %d', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value));

  it.each(['', '-1', '1 Gi', '1Gb', 'lots'])('"%s" is not a quantity', (text) => expect(parseQuantity(text)).toBeUndefined());

  it('reads body values: numbers as they are, strings trimmed', () => {
    expect(quantityValue(16)).toBe(16);
    expect(quantityValue(' 8Gi ')).toBe(8 * 2 ** 30);
    expect(quantityValue('${x}')).toBeUndefined();
    expect(quantityValue(null)).toBeUndefined();
  });

  it('scales keeping the suffix, and the value scales with it', () => {
    expect(scaleQuantity('100m', 3)).toBe('300m');
    expect(() => scaleQuantity('lots', 2)).toThrow(/not a Kubernetes quantity/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('', 'm', 'Mi', 'Gi', 'k'), fc.integer({ min: 1, max: 50 }), (n, suffix, factor) => {
        const text = `${n}${suffix}`;
        expect(parseQuantity(scaleQuantity(text, factor))).toBeCloseTo(parseQuantity(text)! * factor, 3);
      }),
    );
  });
});
