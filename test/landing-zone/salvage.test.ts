/** Field-by-field salvage after a shape failure: whatever parsed stays, and `parsed` says what did not. */
import { landingZoneSchema } from '../../src/landing-zone';
import { salvage } from '../../src/landing-zone/salvage';

const region = {
  name: 'cyberjaya',
  site: { provider: 'aws', id: 'ap-southeast-1' },
  kubernetes: { context: 'ctx', apiServerCidr: '10.10.0.0/28' },
  vault: { address: 'http://vault.example.gov.my', namespace: 'agency' },
};

describe('salvage', () => {
  it('keeps every field of an object that parses on its own, with defaults, and drops only what failed', () => {
    const { value, parsed } = salvage(landingZoneSchema, { regions: [region] });
    const r = (value as { regions: Record<string, Record<string, unknown>>[] }).regions[0]!;
    expect(r.site).toEqual({ provider: 'aws', id: 'ap-southeast-1' });
    expect(r.kubernetes).toEqual({ context: 'ctx', apiServerCidr: '10.10.0.0/28' });
    // The wrong address is gone; the namespace and the defaults of the same object stay.
    expect(r.vault).toEqual({ namespace: 'agency', dialect: 'vault', edition: 'community' });
    expect(parsed('regions.0.site')).toBe(true);
    expect(parsed('regions.0.kubernetes.imageRegistry')).toBe(false);
    expect(parsed('regions.0.vault.address')).toBe(false);
    expect(parsed('regions.0.vault.edition')).toBe(true);
    expect(parsed('regions.0')).toBe(false);
  });

  it('keeps list elements at their indices and leaves a hole for one that is not even an object', () => {
    const { value, parsed } = salvage(landingZoneSchema, { regions: ['not a region', region] });
    const regions = (value as { regions: unknown[] }).regions;
    expect(regions).toHaveLength(2);
    expect(0 in regions).toBe(false);
    expect((regions[1] as { name: string }).name).toBe('cyberjaya');
    expect(parsed('regions.0')).toBe(false);
    // Below a value dropped whole, nothing is known.
    expect(parsed('regions.0.name')).toBe(false);
    expect(parsed('regions.1.name')).toBe(true);
  });

  it('salvages a discriminated union within the option its discriminator names', () => {
    const { value, parsed } = salvage(landingZoneSchema, { state: { backend: 'pg', host: 'db.example.gov.my', port: 0 } });
    expect((value as { state: unknown }).state).toEqual({ backend: 'pg', host: 'db.example.gov.my' });
    expect(parsed('state.port')).toBe(false);
    expect(parsed('state.host')).toBe(true);
  });

  it('drops a section that is not the right kind of value, and says so', () => {
    const { value, parsed } = salvage(landingZoneSchema, { network: 'everywhere', logging: null });
    expect((value as Record<string, unknown>).network).toBeUndefined();
    expect(parsed('network')).toBe(false);
    expect(parsed('network.inCountryCidrs')).toBe(false);
    expect(parsed('logging.sink.cidr')).toBe(false);
    // A section left out is not a failure: an optional one stays undefined, a defaulted one gets its default.
    expect(parsed('pki')).toBe(true);
    expect((value as Record<string, unknown>).exemptions).toEqual([]);
  });
});
