/**
 * NetworkPolicy peers as the network rules compare them: which peers are new, and which of
 * those open the namespace to everything. Only CIDR and open peers are judged: namespace and pod
 * selectors stay inside the cluster.
 */
import { cidrContains, type Cidr } from '../../landing-zone/net';
import { peerCidr, policyRules, type Direction } from '../../synthesized/kubernetes/network-policy';
import { selectorIsEmpty } from '../../synthesized/kubernetes/selector';
import { block, literal, stringList } from '../../synthesized/values';
import { canonical } from '../values';
import { few, k8sName, q } from './_shared';
import type { ChangeInput } from './types';

export interface Peer {
  readonly key: string;
  readonly label: string;
  readonly cidr?: Cidr;
  readonly except: readonly string[];
  readonly open: boolean;
  readonly judged: boolean;
}

export function peersOf(tree: unknown, dir: Direction): Peer[] {
  const body = block(tree);
  if (!body) return [];
  const peers: Peer[] = [];
  for (const r of policyRules(body, dir)) {
    if (r.anyPeer) {
      peers.push({ key: 'any', label: dir === 'egress' ? 'any destination (rule without `to`)' : 'any source (rule without `from`)', except: [], open: true, judged: true });
      continue;
    }
    for (const p of r.peers) {
      if (p.unresolved) {
        peers.push({ key: `?:${p.index}`, label: 'a peer known only at apply', except: [], open: false, judged: false });
      } else if (p.ipBlockRaw !== undefined) {
        const text = literal(p.ipBlock?.cidr);
        const except = [...stringList(p.ipBlock?.except).items].sort();
        if (text === undefined) {
          peers.push({ key: `cidr:?${canonical(p.ipBlockRaw)}`, label: 'a CIDR known only at apply', except, open: false, judged: true });
          continue;
        }
        const cidr = peerCidr(text);
        const open = cidr ? cidr.prefix === 0 : /^(0\.0\.0\.0|::)\/0$/.test(text);
        peers.push({ key: `cidr:${text}|${except.join(',')}`, label: except.length ? `${text} (except ${except.join(', ')})` : text, ...(cidr ? { cidr } : {}), except, open, judged: true });
      } else if (p.namespaceSelector !== undefined) {
        if (selectorIsEmpty(p.namespaceSelector) === true) peers.push({ key: 'ns:*', label: 'pods in every namespace (empty namespace selector)', except: [], open: true, judged: true });
        else peers.push({ key: `ns:${canonical(p.namespaceSelector)}|${canonical(p.podSelector)}`, label: 'selected namespaces', except: [], open: false, judged: false });
      } else {
        peers.push({ key: `pod:${canonical(p.podSelector)}`, label: 'pods of the namespace', except: [], open: false, judged: false });
      }
    }
  }
  return peers;
}

/** Whether a peer the policy allowed before already covers this one. */
function peerCovered(p: Peer, before: readonly Peer[]): boolean {
  return before.some((b) => {
    if (b.key === 'any' || b.key === p.key) return true;
    if (b.key === 'ns:*' && p.key.startsWith('ns:')) return true;
    if (b.cidr && p.cidr && cidrContains(b.cidr, p.cidr)) return b.except.every((e) => p.except.includes(e)) || b.except.length === 0;
    return false;
  });
}

/** The judged peers a change adds in one direction: the open ones, or the others (wider ranges). */
export function newPeers({ before, after, isUpdate }: ChangeInput, dir: Direction, open: boolean): string[] {
  const pb = isUpdate ? peersOf(before, dir) : [];
  const fresh = peersOf(after, dir).filter((p) => p.judged && !peerCovered(p, pb) && p.open === open);
  return [...new Set(fresh.map((p) => p.label))];
}

/** The reason of a network rule, in the words the review uses. */
export function peerReason({ change, after, isUpdate }: ChangeInput, dir: Direction, labels: readonly string[], open: boolean): string {
  const verb = change.action === 'create' ? 'allows' : 'now allows';
  const where = `${dir} ${dir === 'egress' ? 'to' : 'from'} ${few(labels)}`;
  if (open) return `Network policy ${q(k8sName(after))} ${verb} ${where}.`;
  return `Network policy ${q(k8sName(after))} ${verb} ${where}${isUpdate ? ', not covered before' : ''}${dir === 'egress' ? ': check it is in-country and needed' : ''}.`;
}
