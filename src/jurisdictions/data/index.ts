import type { Jurisdiction } from '../types';
import { INDONESIA } from './id';
import { MALAYSIA } from './my';
import { PHILIPPINES } from './ph';
import { SINGAPORE } from './sg';
import { THAILAND } from './th';
import { VIETNAM } from './vn';

export { PROVIDERS } from './providers';

export const CATALOGUE: readonly Jurisdiction[] = [MALAYSIA, SINGAPORE, INDONESIA, THAILAND, PHILIPPINES, VIETNAM];
