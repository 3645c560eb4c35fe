/** Landing zones of any size: the benchmark's generator, shared with reliability tests. */
export { generateLandingZone } from '../../bench/generate';
