/** `slz review --plan FILE --format md` in-process, timed. Usage: node review.js FILE */
import { runReview } from '../../src/cli/commands/review';
import { now, report } from './common';

const [file] = process.argv.slice(2) as [string];
const io = { out: () => undefined, err: () => undefined, debug: false };
const t0 = now();
runReview({ plan: file, format: 'md', failOn: 'never' }, io);
report({ review: now() - t0 });
