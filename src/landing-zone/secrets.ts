/**
 * Finds secret-looking values anywhere in a landing-zone file. A secret never belongs there:
 * tokens come from the environment or auth methods. Findings name the path and the kind of
 * secret, never the value.
 */
import { type PathSegment, type ProblemList, type SpecProblem } from './problems';

interface SecretPattern {
  readonly kind: string;
  readonly pattern: RegExp;
}

const VALUE_PATTERNS: readonly SecretPattern[] = [
  { kind: 'a private key', pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
  { kind: 'a base64-encoded PEM block (kubeconfig data)', pattern: /LS0tLS1CRUdJT[A-Za-z0-9+/]/ },
  { kind: 'a Vault token', pattern: /\bhv[sbr]\.[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Vault token', pattern: /(^|[^A-Za-z0-9])[sbr]\.[A-Za-z0-9]{24}(?![A-Za-z0-9])/ },
  { kind: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/ },
  { kind: 'a kubeconfig credential', pattern: /\b(client-key-data|client-certificate-data|certificate-authority-data|auth-provider|id-token|refresh-token)\s*:/ },
  { kind: 'a bearer token', pattern: /\b[Bb]earer\s+[A-Za-z0-9._~+/-]{16,}/ },
  { kind: 'a password in a URL', pattern: /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/ },
  { kind: 'a cloud access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/ },
];

/** Free-form keys (labels) whose name says they hold a secret. */
const SECRET_KEY = /(^|[-_.])(password|passwd|secret|token|api-?key|private-?key|client-?secret|credentials?)$/i;

/** A whole-value Terraform reference (`${var.oidc_client_secret}`) names a secret without holding it. */
const TERRAFORM_REFERENCE = /^\$\{(var|data|local)\.[A-Za-z0-9_.-]+\}$/;

/** All patterns in one: most strings match none, and one regex pass per string keeps scans of large trees cheap. */
const ANY_SECRET = new RegExp(VALUE_PATTERNS.map((p) => `(?:${p.pattern.source})`).join('|'));

function classify(value: string): string | undefined {
  if (!ANY_SECRET.test(value)) return undefined;
  for (const p of VALUE_PATTERNS) if (p.pattern.test(value)) return p.kind;
  return undefined;
}

const HINT = 'remove it and rotate it: tokens and keys come from the environment (VAULT_TOKEN, KUBECONFIG, TF_VAR_*) or auth methods, never from this file';

/**
 * Reports every secret-looking string or secret-named key in a parsed document, and returns the
 * secret-looking strings so other problems that quote them can be redacted (`redactSecrets`).
 */
export function findSecrets(doc: unknown, problems: ProblemList): string[] {
  const found: string[] = [];
  // One mutable path, copied only when something is reported: scans of large trees stay cheap.
  const path: PathSegment[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      const kind = classify(node);
      if (kind) {
        found.push(node);
        problems.error([...path], `looks like ${kind}; secrets never belong in the landing-zone file`, HINT, 'secret');
      }
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    if (node && typeof node === 'object') {
      for (const k in node) {
        if (!Object.prototype.hasOwnProperty.call(node, k)) continue;
        const v = (node as Record<string, unknown>)[k];
        const keyKind = classify(k);
        if (keyKind) {
          found.push(k);
          problems.error([...path], `a key looks like ${keyKind}; secrets never belong in the landing-zone file`, HINT, 'secret');
        } else if (SECRET_KEY.test(k) && typeof v === 'string' && v.length > 0 && !TERRAFORM_REFERENCE.test(v)) {
          problems.error([...path, k], 'a field named like a secret holds a value; secrets never belong in the landing-zone file', HINT, 'secret');
          continue;
        }
        path.push(k);
        walk(v);
        path.pop();
      }
    }
  };
  walk(doc);
  return found;
}

/**
 * Other problems may quote a value verbatim (`"…" is not host:port`); where that value is a
 * secret, the quote is replaced so the secret never reaches the terminal or a CI log.
 */
export function redactSecrets(items: readonly SpecProblem[], secrets: readonly string[]): SpecProblem[] {
  if (secrets.length === 0) return [...items];
  const scrub = (text: string): string => secrets.reduce((t, secret) => t.split(secret).join('[redacted]'), text);
  return items.map((p) => ({ ...p, path: scrub(p.path), message: scrub(p.message), ...(p.hint === undefined ? {} : { hint: scrub(p.hint) }) }));
}

/** Secrets in the raw text outside values (comments, for instance), by line. */
export function findSecretsInText(text: string, problems: ProblemList, alreadyFound: boolean): void {
  if (alreadyFound) return;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const kind = classify(line);
    if (kind) problems.error(`line ${i + 1}`, `looks like ${kind} (in a comment or key); secrets never belong in the landing-zone file`, HINT, 'secret');
  });
}
