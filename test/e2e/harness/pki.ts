/** A throwaway CA, serving certificates and the service-account key pair for the loopback servers (openssl). */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Ca {
  readonly cert: string;
  readonly key: string;
  readonly pem: string;
}

export interface KeyPair {
  readonly cert?: string;
  readonly key: string;
  readonly pub?: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function createCa(dir: string, name = 'slz-e2e-ca'): Ca {
  const cert = join(dir, 'ca.crt');
  const key = join(dir, 'ca.key');
  openssl(['req', '-x509', ...EC, '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return { cert, key, pem: readFileSync(cert, 'utf8') };
}

/** A certificate signed by the CA; `sans` are `IP:…`/`DNS:…` entries. */
export function issueCert(ca: Ca, dir: string, name: string, sans: readonly string[], usage: 'serverAuth' | 'clientAuth' = 'serverAuth'): Required<Omit<KeyPair, 'pub'>> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, [`basicConstraints=CA:FALSE`, `keyUsage=critical,digitalSignature,keyEncipherment`, `extendedKeyUsage=${usage}`, ...(sans.length ? [`subjectAltName=${sans.join(',')}`] : [])].join('\n') + '\n');
  openssl(['req', '-new', ...EC, '-keyout', key, '-out', csr, '-subj', `/CN=${name}`], dir);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', '2', '-out', cert, '-extfile', ext], dir);
  return { cert, key };
}

/** The key pair the apiserver signs service-account tokens with (RSA, which every verifier accepts). */
export function serviceAccountKeys(dir: string): Required<Omit<KeyPair, 'cert'>> {
  const key = join(dir, 'sa.key');
  const pub = join(dir, 'sa.pub');
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key], dir);
  openssl(['pkey', '-in', key, '-pubout', '-out', pub], dir);
  return { key, pub };
}
