/**
 * Vault policy HCL built as plain strings (cdktf-notes §10): `Fn.join` leaves inner quotes
 * unescaped, and a literal `${` would reach Terraform as an interpolation, so it is escaped.
 */

export type VaultCapability = 'create' | 'read' | 'update' | 'patch' | 'delete' | 'list' | 'sudo' | 'deny';

export interface VaultPolicyRule {
  /** Exact API path; a trailing `*` is a prefix glob and must be used sparingly. */
  readonly path: string;
  readonly capabilities: readonly VaultCapability[];
  readonly comment?: string;
}

/** Escapes `${` as `$${` so Terraform keeps it literal. */
export function escapeInterpolation(text: string): string {
  // A function replacer: in a replacement string `$$` would itself collapse to `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** Renders rules as Vault policy HCL, in the given order, escaped for Terraform JSON. */
export function renderVaultPolicy(rules: readonly VaultPolicyRule[]): string {
  const blocks = rules.map((r) => {
    if (/["\\\n]/.test(r.path)) throw new Error(`Vault policy path ${JSON.stringify(r.path)} contains a quote, backslash or newline`);
    const caps = r.capabilities.map((c) => `"${c}"`).join(', ');
    const comment = r.comment ? `# ${r.comment.replace(/\n/g, ' ')}\n` : '';
    return `${comment}path "${r.path}" {\n  capabilities = [${caps}]\n}\n`;
  });
  return escapeInterpolation(blocks.join('\n'));
}
