/**
 * The day checks are judged on (crypto deadlines, exemption expiry). SOURCE_DATE_EPOCH, the
 * reproducible-builds convention, pins it so a rebuild of an old commit gives the same reports.
 */
import { isoDate } from '../jurisdictions/crypto-policy';

export function today(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return isoDate(new Date(Number(epoch) * 1000));
  return isoDate(new Date());
}
