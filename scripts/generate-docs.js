#!/usr/bin/env node
'use strict';
// Regenerates the documents that are derived from code: docs/landing-zone-file.md (from the zod
// schema), RULES.md and docs/review-rules.md (from the rules' metadata) and docs/control-mapping.md.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = (p) => require(path.join(root, 'dist', p));
const write = (file, text) => {
  fs.writeFileSync(path.join(root, file), text.endsWith('\n') ? text : `${text}\n`);
  process.stdout.write(`wrote ${file}\n`);
};

write('docs/landing-zone-file.md', dist('src/landing-zone/reference-doc.js').renderLandingZoneReference());
write('RULES.md', dist('src/compliance/rules-doc.js').renderRulesMarkdown());
write('docs/review-rules.md', dist('src/review/rules-doc.js').renderReviewRulesMarkdown());
write('docs/control-mapping.md', dist('stacks/control-mapping.js').renderControlMapping(path.join(root, 'examples', 'ministry-health', 'landing-zone.yaml')));
