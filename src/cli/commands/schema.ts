/** `slz schema`: the landing-zone file's JSON Schema, generated from the zod schema. */
import { z } from 'zod';
import { landingZoneSchema } from '../../landing-zone/schema';
import type { Output } from '../output';

export function landingZoneJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(landingZoneSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { $id: 'https://sovereign-landing-zone.dev/schema/slz-v1.json', title: 'Sovereign landing zone (slz/v1)', ...schema };
}

export function runSchema(io: Output): number {
  io.out(JSON.stringify(landingZoneJsonSchema(), null, 2));
  return 0;
}
