/**
 * Validates a CBOM against the official CycloneDX 1.6 JSON schema bundled with
 * `@cyclonedx/cyclonedx-library` (`res/schema/bom-1.6.SNAPSHOT.schema.json` and the schemas it
 * references), after the `cryptoProperties` were added, so the injected fields are checked too.
 *
 * The library's own `Validation.JsonStrictValidator` needs the optional peer
 * `ajv-formats-draft2019`; this module uses the same bundled files and the same ajv settings
 * with ajv + ajv-formats instead (development dependencies: not re-exported from ./index).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export interface CbomValidationError {
  readonly instancePath: string;
  readonly message: string;
}

export interface CbomValidationResult {
  readonly valid: boolean;
  readonly errors: readonly CbomValidationError[];
}

/** Where the library keeps its bundled schemas (its package.json is exported; `res/` is not). */
export function bundledSchemaDir(): string {
  return join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
}

let cached: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (cached) return cached;
  const dir = bundledSchemaDir();
  const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  // The library's settings: no defaults (no data alteration), non-strict schema, no remote loading.
  const ajv = new Ajv({ useDefaults: false, strict: false, strictSchema: false, addUsedSchema: false, allErrors: true });
  addFormats(ajv);
  // What ajv-formats-draft2019 adds for the library: idn-email. No working iri-reference
  // implementation exists, the library accepts every value too.
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+$/u);
  ajv.addFormat('iri-reference', true);
  ajv.addSchema(load('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(load('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  ajv.addSchema(load('cryptography-defs.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json');
  cached = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
  return cached;
}

/** Validates a CBOM (object or JSON text) against the CycloneDX 1.6 schema. */
export function validateCbom(doc: unknown): CbomValidationResult {
  const data: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  const validate = validator();
  if (validate(data)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map((e) => ({ instancePath: e.instancePath, message: `${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}` })) };
}
