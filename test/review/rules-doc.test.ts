/** docs/review-rules.md is generated from the review rules' metadata and must be current. */
import { existsSync, readFileSync } from 'node:fs';
import { RULES } from '../../src/review';
import { renderReviewRulesMarkdown } from '../../src/review/rules-doc';

describe('docs/review-rules.md', () => {
  it('matches renderReviewRulesMarkdown() (run `npm run docs` after changing a rule)', () => {
    const current = existsSync('docs/review-rules.md') ? readFileSync('docs/review-rules.md', 'utf8') : '';
    if (current !== renderReviewRulesMarkdown()) throw new Error('docs/review-rules.md is out of date with the review rules\' metadata: run `npm run docs`');
  });

  it('lists every rule under its level, with what it fires on', () => {
    const md = renderReviewRulesMarkdown();
    for (const r of RULES) expect(md).toMatch(new RegExp(`^\\| ${r.id} \\| [^|]+ \\| [^|]*${r.checks.slice(0, 20).replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}`, 'm'));
    expect(md.indexOf('## CRITICAL')).toBeLessThan(md.indexOf('| RV-KEY-DELETE |'));
    expect(md.indexOf('## INFO')).toBeLessThan(md.indexOf('| RV-NOOP |'));
  });

  it('is linked from RULES.md', () => {
    expect(readFileSync('RULES.md', 'utf8')).toContain('](docs/review-rules.md)');
  });
});
