import { slz, STACK_TRACE } from './helpers/cli';

describe('slz CLI basics', () => {
  it('validates the bundled minimal example', () => {
    const r = slz('validate', 'examples/minimal/landing-zone.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — MY SULIT \(level 3, CONFIDENTIAL, strict\)/);
  });

  it('answers an unknown flag with exit 2 and no stack trace', () => {
    const r = slz('validate', '--nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('answers an unknown command with exit 2', () => {
    const r = slz('frobnicate');
    expect(r.code).toBe(2);
  });
});
