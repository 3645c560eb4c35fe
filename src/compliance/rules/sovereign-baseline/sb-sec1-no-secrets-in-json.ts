/** SB-SEC1: no secret value anywhere in the synthesized JSON. */
import { resourcesOf } from '../../../synthesized';
import { fail, pass } from '../../attributes';
import { c5, cis, nist } from '../../controls';
import { ProblemList } from '../../../landing-zone/problems';
import { findSecrets } from '../../../landing-zone/secrets';
import { backendOf, providerBlocks, stackLocation } from '../../subjects';
import type { ResourceRef, StackOutcome, StackRule, SubjectLocation } from '../../types';

function withoutMetadata(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const { '//': _meta, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** findSecrets speaks about the landing-zone file; here the secret sits in generated Terraform. */
function reword(message: string): string {
  return message.replace(/; secrets never belong in the landing-zone file/, '; secrets never belong in synthesized Terraform (it is committed, reviewed and logged)');
}

export const rule: StackRule = {
  id: 'SB-SEC1',
  pack: 'sovereign-baseline',
  scope: 'stack',
  level: 'error',
  title: 'No secrets in the synthesized JSON',
  rationale:
    'cdk.tf.json is committed, attached to pull requests and printed by CI. A token, private key, password or credential in it is disclosed to everyone who can read the repository. Secrets come from the environment, sensitive variables or Vault auth methods; a field named like a secret may only hold a reference (${var.x}).',
  fix: 'Remove the value and rotate it; pass it as a sensitive variable (TF_VAR_*), the provider\'s environment variable (VAULT_TOKEN, KUBECONFIG) or an auth method.',
  controls: [nist('IA-5(7)'), nist('SC-28'), cis('5.4.1'), c5('CRY-03')],
  check(stack) {
    const out: StackOutcome[] = [];
    const scan = (doc: unknown, where: { resource: ResourceRef } | { location: SubjectLocation }): void => {
      const problems = new ProblemList();
      findSecrets(doc, problems);
      if (problems.errors.length === 0) {
        out.push({ ...where, outcome: pass() });
        return;
      }
      for (const p of problems.errors) out.push({ ...where, outcome: fail(reword(p.message), p.path === '(root)' ? undefined : p.path) });
    };
    for (const r of resourcesOf(stack)) scan(withoutMetadata(r.body), { resource: r });
    for (const p of providerBlocks(stack)) scan(p.body, { location: p.location });
    const backend = backendOf(stack);
    if (backend) scan(backend.body, { location: backend.location });
    for (const kind of ['variable', 'output', 'locals', 'data'] as const) {
      const section = (stack.json as Record<string, unknown>)[kind];
      if (section && typeof section === 'object') scan(section, { location: stackLocation(stack, kind, [kind]) });
    }
    return out;
  },
};
