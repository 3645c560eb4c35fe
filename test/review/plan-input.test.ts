/**
 * Plan input: every action kind, every documented field (action_reason, replace_paths,
 * importing, previous_address, drift, outputs, after_unknown), format versions, encodings,
 * and malformed input → exit 2 with a clear one-line message and no stack trace.
 */
import { writeFileSync } from 'node:fs';
import { STACK_TRACE } from '../helpers/cli';
import { planOf, rc, review, reviewPlanJson, writePlan, writeText, type Json } from './helpers';

const pol = (text = 'path "a" { capabilities = ["read"] }'): Json => ({ name: 'p', policy: text });

describe('action kinds', () => {
  const kinds: [string, string[], unknown, unknown][] = [
    ['noop', ['no-op'], pol(), pol()],
    ['create', ['create'], null, pol()],
    ['read', ['read'], null, pol()],
    ['update', ['update'], pol(), pol('path "b" { capabilities = ["read"] }')],
    ['delete', ['delete'], pol(), null],
    ['replace', ['create', 'delete'], pol(), { ...pol(), name: 'q' }],
    ['replace', ['delete', 'create'], pol(), { ...pol(), name: 'q' }],
    ['forget', ['forget'], pol(), null],
    ['replace', ['create', 'forget'], pol(), { ...pol(), name: 'q' }],
    ['unknown', ['launch'], pol(), pol()],
    ['unknown', ['delete', 'delete'], pol(), null],
  ];

  it.each(kinds)('%s from %j', (action, actions, before, after) => {
    const report = reviewPlanJson(planOf([rc('vault_policy', 'p', actions, before, after)]));
    expect(report.changes[0]?.action).toBe(action);
    expect(report.changes[0]?.actions).toEqual(actions);
    expect(report.counts.actions[action]).toBe(1);
    const md = review({ plan: writePlan(planOf([rc('vault_policy', 'p', actions, before, after)])), failOn: 'never' }).stdout;
    expect(md).toContain('<!-- slz-review -->');
  });

  it('reports the replacement order and the destroyed object', () => {
    const report = reviewPlanJson(planOf([rc('vault_policy', 'p', ['create', 'delete'], pol(), { ...pol(), name: 'q' }, {}, { replace_paths: [['name']] })]));
    const c = report.changes[0];
    expect(c?.replacePaths).toEqual(['name']);
    expect(c?.attrs.find((a) => a.path === 'name')?.forcesReplacement).toBe(true);
    expect(c?.risks[0]?.reason).toMatch(/new one created first/);
  });

  it('treats unknown actions as HIGH and scans for "delete" anywhere', () => {
    const report = reviewPlanJson(planOf([rc('vault_transit_secret_backend_key', 'k', ['delete', 'archive'], { name: 'k', type: 'aes256-gcm96' }, null)]));
    expect(report.risks.map((r) => r.ruleId)).toEqual(['RV-KEY-DELETE', 'RV-UNKNOWN-ACTION']);
  });
});

describe('documented fields', () => {
  it('shows action_reason in plain words, and unknown reasons verbatim', () => {
    const report = reviewPlanJson(
      planOf([
        rc('vault_policy', 'a', ['delete'], pol(), null, { action_reason: 'delete_because_each_key' }),
        rc('vault_policy', 'b', ['delete'], pol(), null, { action_reason: 'delete_because_of_the_moon' }),
      ]),
    );
    expect(report.changes[0]?.actionReason).toEqual({ code: 'delete_because_each_key', text: 'Deleted because its for_each key was removed' });
    expect(report.changes[1]?.actionReason?.text).toBe('delete because of the moon');
  });

  it('marks imports and moves on top of the action', () => {
    const report = reviewPlanJson(
      planOf([
        rc('vault_policy', 'a', ['update'], pol(), pol('x'), { previous_address: 'vault_policy.old' }, { importing: { id: 'p', identity: { name: 'p' } } }),
      ]),
    );
    expect(report.counts.actions).toMatchObject({ update: 1, import: 1, move: 1 });
    expect(report.changes[0]).toMatchObject({ previousAddress: 'vault_policy.old', importing: { id: 'p' }, moved: true });
  });

  it('renders unknown-after-apply values, including keys only in after_unknown', () => {
    const report = reviewPlanJson(planOf([rc('vault_mount', 'm', ['create'], null, { path: 'kv', type: 'kv' }, {}, { after_unknown: { accessor: true, options: { version: true } } })]));
    const attrs = report.changes[0]?.attrs ?? [];
    expect(attrs.find((a) => a.path === 'accessor')?.after).toEqual({ kind: 'unknown' });
    expect(attrs.find((a) => a.path === 'options.version')?.after).toEqual({ kind: 'unknown' });
    const md = review({ plan: writePlan(planOf([rc('vault_mount', 'm', ['create'], null, { path: 'kv', type: 'kv' }, {}, { after_unknown: { accessor: true } })])), failOn: 'never' }).stdout;
    expect(md).toContain('*(known after apply)*');
  });

  it('reports drift separately from changes, and output changes', () => {
    const report = reviewPlanJson(
      planOf([], {
        resource_drift: [rc('vault_policy', 'a', ['delete'], pol(), null)],
        output_changes: { name: { actions: ['create'], before: null, after: 'x', after_unknown: false, before_sensitive: false, after_sensitive: false } },
      }),
    );
    expect(report.changes).toHaveLength(0);
    expect(report.drift).toHaveLength(1);
    expect(report.outputs[0]).toMatchObject({ name: 'name', after: { kind: 'value', value: 'x' } });
    expect(report.risks.map((r) => r.ruleId)).toEqual(['RV-DRIFT']);
  });

  it('accepts missing optional fields and ignores unknown keys', () => {
    const report = reviewPlanJson({ format_version: '1.2', planned_values: {}, resource_changes: [{ address: 'vault_policy.p', type: 'vault_policy', change: { actions: ['create'], after: pol() } }], future_key: { x: 1 } });
    expect(report.changes[0]).toMatchObject({ action: 'create', name: 'vault_policy.p', mode: 'managed' });
  });

  it('accepts a plan with no changes', () => {
    const report = reviewPlanJson({ format_version: '1.2', planned_values: { root_module: {} } });
    expect(report.changes).toEqual([]);
    expect(report.verdict.highest).toBe('INFO');
  });

  it.each(['0.1', '0.2', '1.0', '1.2', '1.99'])('accepts format_version %s', (v) => {
    expect(reviewPlanJson(planOf([rc('vault_policy', 'p', ['create'], null, pol())], { format_version: v })).changes).toHaveLength(1);
  });
});

describe('encodings', () => {
  const plan = JSON.stringify(planOf([rc('vault_policy', 'p', ['create'], null, pol('path "é/ü/日本" { capabilities = ["read"] }'))]));
  const be = (s: string) => {
    const b = Buffer.from(s, 'utf16le');
    b.swap16();
    return b;
  };
  it.each([
    ['UTF-8', Buffer.from(plan, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan, 'utf8')])],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(plan, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(plan)])],
    ['UTF-16 LE without BOM', Buffer.from(plan, 'utf16le')],
  ])('reads %s', (_name, bytes) => {
    const r = review({ plan: writeText(bytes), format: 'json', failOn: 'never' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('日本');
  });
});

describe('malformed input → exit 2, one clear line, no stack trace', () => {
  const SECRET = 'hunter2-Very-Secret-Value';
  const cases: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['whitespace only', '  \n\t\n', /is empty/],
    ['truncated JSON', JSON.stringify(planOf([rc('vault_policy', 'p', ['create'], null, pol())])).slice(0, 120), /is not valid JSON.*truncated/],
    ['a syntax error next to a secret', `{"format_version": "1.2", "resource_changes": [{"password": "${SECRET}" oops}]}`, /is not valid JSON.*\(line 1, column \d+\)/],
    ['format_version 2.0', JSON.stringify(planOf([], { format_version: '2.0' })), /format_version 2\.0 is not supported.*0\.x and 1\.x/],
    ['a non-numeric format_version', JSON.stringify(planOf([], { format_version: 'latest' })), /"latest" is not a version number/],
    ['a numeric format_version', JSON.stringify(planOf([], { format_version: 1.2 })), /format_version must be a string/],
    ['a JSON file that is not a plan', JSON.stringify({ name: 'package', version: '1.0.0' }), /no format_version/],
    ['Terraform state', JSON.stringify({ format_version: '1.0', terraform_version: '1.9.0', values: { root_module: {} } }), /looks like Terraform state/],
    ['a JSON array', '[1, 2, 3]', /expected a JSON object, found a list/],
    ['a JSON string', '"plan"', /expected a JSON object, found a string/],
    ['resource_changes of the wrong type', JSON.stringify(planOf([], { resource_changes: { a: 1 } })), /resource_changes must be a list, found an object/],
    ['an entry without an address', JSON.stringify(planOf([{ type: 'x', change: { actions: ['create'] } }])), /resource_changes\[0\]\.address must be a non-empty string/],
    ['actions that are not a list', JSON.stringify(planOf([{ address: 'a.b', type: 'a', change: { actions: 'create' } }])), /resource_changes\[0\]\.change\.actions must be a list of strings, found a string/],
    ['actions with a number', JSON.stringify(planOf([{ address: 'a.b', type: 'a', change: { actions: [1] } }])), /must be a list of strings/],
    ['a change that is null', JSON.stringify(planOf([{ address: 'a.b', type: 'a', change: null }])), /resource_changes\[0\]\.change must be an object, found null/],
    ['replace_paths of the wrong type', JSON.stringify(planOf([{ address: 'a.b', type: 'a', change: { actions: ['update'], replace_paths: 'name' } }])), /replace_paths must be a list of paths/],
    ['importing of the wrong type', JSON.stringify(planOf([{ address: 'a.b', type: 'a', change: { actions: ['update'], importing: 'x' } }])), /importing must be an object/],
    ['output_changes of the wrong type', JSON.stringify(planOf([], { output_changes: [] })), /output_changes must be an object, found a list/],
    ['a binary plan', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]), /binary plan file.*terraform show -json/],
    ['binary garbage', Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0x00, 0x22, 0x7d]), /binary file|not valid/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /not valid UTF-8/],
  ];

  it.each(cases)('%s', (_name, content, message) => {
    const r = review({ plan: writeText(content) });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toContain(SECRET);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  it('names every wrong entry at once', () => {
    const r = review({ plan: writePlan(planOf([{ address: 1 }, { address: 'a.b', type: 'a', change: { actions: 'x' } }, 'nope' as unknown as Json])) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/resource_changes\[0\]\.address/);
    expect(r.stderr).toMatch(/resource_changes\[1\]\.change\.actions/);
    expect(r.stderr).toMatch(/resource_changes\[2\] must be an object/);
    expect(r.stderr).toMatch(/problems: this does not look like terraform show -json output/);
  });

  it('refuses a missing file and a directory without plans', () => {
    expect(review({ plan: '/nonexistent/plan.json' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/cannot read it \(ENOENT\)/) as unknown });
    const dir = writeText('x', 'not-a-plan.txt').replace(/not-a-plan\.txt$/, '');
    expect(review({ plan: dir })).toMatchObject({ code: 2, stderr: expect.stringMatching(/holds no \*\.json plan/) as unknown });
  });
});

describe('flags → exit 2 with a one-line reason', () => {
  const plan = writePlan(planOf([]));
  it.each([
    ['--plan with --base', { plan, base: '/tmp' }, /either --plan FILE or --base DIR --head DIR, not both/],
    ['--plan with --head', { plan, head: '/tmp' }, /not both/],
    ['--base without --head', { base: '/tmp' }, /--base needs --head DIR/],
    ['--head without --base', { head: '/tmp' }, /--head needs --base DIR/],
    ['nothing to review', {}, /give --plan FILE/],
    ['--synth with --base/--head', { base: '/tmp', head: '/tmp', synth: '/tmp' }, /--synth only applies to --plan/],
    ['an unknown format', { plan, format: 'html' }, /--format must be one of md, json, sarif, codequality \(got "html"\)/],
    ['an unknown threshold', { plan, failOn: 'low' }, /--fail-on must be one of critical, high, medium, never/],
    ['an empty path', { plan: '' }, /--plan needs a path/],
    ['a --base that does not exist', { base: '/nonexistent/base', head: '/nonexistent/head' }, /--base \/nonexistent\/base: does not exist/],
    ['a --synth that is not a synth tree', { plan, synth: '/' }, /no stacks\/ folder/],
  ] as [string, Record<string, string>, RegExp][])('%s', (_name, opts, message) => {
    const r = review(opts as never);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('exit codes and --out', () => {
  const risky = planOf([rc('vault_transit_secret_backend_key', 'k', ['delete'], { name: 'k' }, null), rc('vault_policy', 'p', ['delete'], pol(), null)]);
  const mild = planOf([rc('vault_policy', 'p', ['delete'], pol(), null)]);

  it('exits 1 when the gate trips and says why on stderr, with the report still on stdout', () => {
    const r = review({ plan: writePlan(risky) });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/❌ \*\*Blocked:\*\* 1 risk at or above HIGH/);
    expect(r.stderr).toMatch(/gate tripped \(--fail-on high\): 1 risk \(RV-KEY-DELETE\)/);
  });

  it.each([
    ['never', risky, 0],
    ['critical', mild, 0],
    ['medium', mild, 1],
    ['high', mild, 0],
    ['critical', risky, 1],
  ] as const)('--fail-on %s', (failOn, plan, code) => {
    expect(review({ plan: writePlan(plan), failOn, format: 'json' }).code).toBe(code);
  });

  it('writes --out and prints a one-line summary', () => {
    const out = `${writeText('x', 'placeholder').replace(/placeholder$/, '')}sub/review.sarif`;
    const r = review({ plan: writePlan(risky), format: 'sarif', out, failOn: 'never' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^review: CRITICAL · 2 changes · 2 risks → .*review\.sarif\n$/);
  });

  it('reviews a directory of plans, one per stack', () => {
    const dir = writePlan(risky, 'moh-tenant-a-x.json').replace(/moh-tenant-a-x\.json$/, '');
    writeFileSync(`${dir}moh-platform-x.json`, JSON.stringify(mild));
    const r = review({ plan: dir, format: 'json', failOn: 'never' });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { changes: { stack: string }[] };
    expect(report.changes.map((c) => c.stack).sort()).toEqual(['moh-platform-x', 'moh-tenant-a-x', 'moh-tenant-a-x']);
  });
});
