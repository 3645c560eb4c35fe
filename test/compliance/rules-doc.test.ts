/** RULES.md at the repository root is generated from the rules' metadata and must be current. */
import { existsSync, readFileSync } from 'node:fs';
import { renderRulesMarkdown } from '../../src/compliance/rules-doc';
import { rulesById } from '../../src/compliance/packs';

describe('RULES.md', () => {
  it('matches renderRulesMarkdown() (run `npm run rules:doc` after changing a rule)', () => {
    const current = existsSync('RULES.md') ? readFileSync('RULES.md', 'utf8') : '';
    if (current !== renderRulesMarkdown()) throw new Error('RULES.md is out of date with the rules\' metadata: run `npm run rules:doc`');
  });

  it('lists every rule with its level, controls and fix', () => {
    const md = renderRulesMarkdown();
    for (const r of rulesById.values()) expect(md).toMatch(new RegExp(`^\\| ${r.id} \\| ${r.level} \\| `, 'm'));
  });
});
