/**
 * Kubernetes resource quantities (`500m`, `2`, `32Gi`, `1e3`): enough parsing to validate props,
 * compare quota values and scale them, not a full `resource.Quantity` (no signs, which neither a
 * prop nor a quota needs). The constructs write quantities with it and the plan review compares them.
 */

const QUANTITY = /^(?<num>[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?<suffix>Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?[0-9]+|m|k|M|G|T|P|E)?$/;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The quantity's value in base units (cores, bytes), or undefined when it is not a quantity. */
export function parseQuantity(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = QUANTITY.exec(text);
  if (!m?.groups) return undefined;
  const num = Number(m.groups.num);
  const suffix = m.groups.suffix ?? '';
  const mult = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : MULTIPLIERS[suffix];
  return mult === undefined ? undefined : num * mult;
}

/** A quantity as it appears in a synthesized or planned body: a number, or a quantity string (spaces around it ignored). */
export function quantityValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseQuantity(value.trim()) : undefined;
}

/** `text` multiplied by a whole number, keeping its suffix (e.g. `100m` × 3 → `300m`). */
export function scaleQuantity(text: string, factor: number): string {
  const m = QUANTITY.exec(text);
  if (!m?.groups) throw new Error(`"${text}" is not a Kubernetes quantity`);
  // Rounding keeps binary floating-point noise (0.1 × 3) out of the manifest.
  const scaled = Number((Number(m.groups.num) * factor).toFixed(6));
  return `${scaled}${m.groups.suffix ?? ''}`;
}
