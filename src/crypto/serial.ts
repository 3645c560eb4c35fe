/**
 * A BOM serial number derived from the BOM's content, UUID v5-style (RFC 9562 §5.5: SHA-1 of a
 * namespace and a name, version nibble 5, RFC 4122 variant). Identical content gives the
 * identical serial number, so rebuilding a CBOM from the same input changes no byte; a changed
 * inventory gets a new one. The namespace is this project's own constant.
 */
import { createHash } from 'node:crypto';

/** Namespace UUID for slz CBOM serial numbers (a fixed, arbitrary constant). */
export const CBOM_SERIAL_NAMESPACE = '8f1d7b3e-2c4a-5e6f-9a0b-51e7c0b0d5a1';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

/** `urn:uuid:…` for the given content. */
export function derivedSerialNumber(content: string): string {
  const hash = createHash('sha1').update(uuidBytes(CBOM_SERIAL_NAMESPACE)).update(content, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
