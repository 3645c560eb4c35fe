/** Stack names: defined with the landing-zone file (src/landing-zone/stack-names.ts), which validation reads too. */
export { admissionStackName, platformStackName, tenancyStackName } from '../src/landing-zone/stack-names';
