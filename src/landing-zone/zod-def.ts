/**
 * Reading a zod 4 schema's definition: the one place that reaches into `_zod.def`, for the
 * field-by-field salvage (salvage.ts) and for the hints of schema messages (zod-issues.ts).
 */
import type { z } from 'zod';

export type AnySchema = z.core.$ZodType;

/** The parts of a definition the two readers walk: objects, wrappers, arrays, unions, pipes, enums. */
export interface DefLike {
  readonly type: string;
  readonly shape?: Record<string, AnySchema>;
  readonly innerType?: AnySchema;
  readonly element?: AnySchema;
  readonly options?: readonly AnySchema[];
  readonly in?: AnySchema;
  readonly discriminator?: string;
  readonly values?: readonly unknown[];
}

export function defOf(schema: AnySchema): DefLike {
  return schema._zod.def as unknown as DefLike;
}
