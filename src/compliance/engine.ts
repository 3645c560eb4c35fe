/**
 * Runs rules over synthesized stacks. Resource rules run only on the resource types they list
 * (one index lookup per type, never a scan of every resource per rule); stack rules run once per
 * stack. A rule that throws or answers nonsense becomes an `error` finding, never a crash; an
 * `unknown` answer is a finding too, never a pass.
 */
import { createHash } from 'node:crypto';
import { indexByType, type ResourceRef, type SynthStack } from '../synthesized';
import type { Finding, Outcome, Rule, RuleContext, StackOutcome } from './types';

/** How many subjects a rule judged, and how many findings it raised. */
export interface RuleRun {
  readonly ruleId: string;
  readonly evaluated: number;
  readonly findings: number;
}

export interface Evaluation {
  readonly findings: Finding[];
  readonly runs: RuleRun[];
}

interface Subject {
  readonly stack: string;
  readonly file: string;
  readonly constructPath: string;
  readonly address?: string;
  readonly jsonPath?: readonly (string | number)[];
}

/** Report paths use `/` whatever the platform. */
function posix(file: string): string {
  return file.split('\\').join('/');
}

const STATUSES = new Set(['pass', 'not-applicable', 'fail', 'unknown']);

function subjectOfResource(r: ResourceRef): Subject {
  return { stack: r.stack.name, file: posix(r.stack.file), constructPath: r.constructPath, address: r.address, jsonPath: [r.address.startsWith('data.') ? 'data' : 'resource', r.type, r.name] };
}

function subjectOfStack(stack: SynthStack, o: StackOutcome): Subject {
  if (o.resource) return subjectOfResource(o.resource);
  if (o.location) return { stack: stack.name, file: posix(stack.file), constructPath: o.location.constructPath, jsonPath: o.location.jsonPath };
  return { stack: stack.name, file: posix(stack.file), constructPath: stack.name };
}

/** Stable id of a finding: rule, construct path and attribute, never the message or a line number. */
export function fingerprintOf(ruleId: string, constructPath: string, attribute: string | undefined): string {
  return createHash('sha256').update(`${ruleId}\u0000${constructPath}\u0000${attribute ?? ''}`).digest('hex').slice(0, 32);
}

/** Assigns fingerprints, numbering repeats of the same (rule, path, attribute) in encounter order. */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  next(ruleId: string, constructPath: string, attribute: string | undefined): string {
    const base = fingerprintOf(ruleId, constructPath, attribute);
    const n = this.seen.get(base) ?? 0;
    this.seen.set(base, n + 1);
    return n === 0 ? base : `${base}:${n}`;
  }
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.split('\n')[0]!.slice(0, 300);
}

function isOutcome(o: unknown): o is Outcome {
  if (!o || typeof o !== 'object') return false;
  const s = (o as { status?: unknown }).status;
  if (typeof s !== 'string' || !STATUSES.has(s)) return false;
  if (s === 'fail' || s === 'unknown') return typeof (o as { message?: unknown }).message === 'string';
  return true;
}

/** Evaluates `rules` on `stacks`. Deterministic: stacks in the given order, resources in document order. */
export function evaluate(stacks: readonly SynthStack[], rules: readonly Rule[], ctx: RuleContext): Evaluation {
  const index = indexByType(stacks);
  const findings: Finding[] = [];
  const runs: RuleRun[] = [];
  const prints = new Fingerprints();

  const record = (rule: Rule, subject: Subject, outcome: unknown): number => {
    if (!isOutcome(outcome)) {
      findings.push(errorFinding(rule, subject, `rule returned an invalid outcome (${firstLine(JSON.stringify(outcome) ?? String(outcome))})`, prints));
      return 1;
    }
    if (outcome.status === 'pass' || outcome.status === 'not-applicable') return 0;
    findings.push({
      ruleId: rule.id,
      pack: rule.pack,
      level: rule.level,
      status: outcome.status,
      message: outcome.message,
      stack: subject.stack,
      file: subject.file,
      constructPath: subject.constructPath,
      ...(subject.address ? { address: subject.address } : {}),
      ...(outcome.attribute ? { attribute: outcome.attribute } : {}),
      ...(subject.jsonPath ? { jsonPath: subject.jsonPath } : {}),
      fingerprint: prints.next(rule.id, subject.constructPath, outcome.attribute),
    });
    return 1;
  };

  for (const rule of rules) {
    let evaluated = 0;
    let raised = 0;
    if (rule.scope === 'resource') {
      for (const type of new Set(rule.resourceTypes)) {
        for (const resource of index.get(type) ?? []) {
          evaluated++;
          const subject = subjectOfResource(resource);
          let result: Outcome | readonly Outcome[];
          try {
            result = rule.check(resource, ctx);
          } catch (e) {
            findings.push(errorFinding(rule, subject, `rule threw: ${firstLine(e)}`, prints));
            raised++;
            continue;
          }
          const outcomes: readonly unknown[] = Array.isArray(result) ? result : [result];
          if (outcomes.length === 0) {
            findings.push(errorFinding(rule, subject, 'rule returned no outcome', prints));
            raised++;
          }
          for (const o of outcomes) raised += record(rule, subject, o);
        }
      }
    } else if (rule.scope === 'stack') {
      for (const stack of stacks) {
        evaluated++;
        const stackSubject: Subject = { stack: stack.name, file: posix(stack.file), constructPath: stack.name };
        let result: readonly StackOutcome[];
        try {
          result = rule.check(stack, ctx);
          if (!Array.isArray(result)) throw new Error('stack rule did not return a list');
        } catch (e) {
          findings.push(errorFinding(rule, stackSubject, `rule threw: ${firstLine(e)}`, prints));
          raised++;
          continue;
        }
        for (const so of result) {
          if (!so || typeof so !== 'object') {
            raised += record(rule, stackSubject, so);
            continue;
          }
          raised += record(rule, subjectOfStack(stack, so), so.outcome);
        }
      }
    } else {
      throw new Error(`rule ${(rule as Rule).id} has an unknown scope`);
    }
    runs.push({ ruleId: rule.id, evaluated, findings: raised });
  }
  return { findings, runs };
}

function errorFinding(rule: Rule, subject: Subject, message: string, prints: Fingerprints): Finding {
  return {
    ruleId: rule.id,
    pack: rule.pack,
    level: 'error',
    status: 'error',
    message,
    stack: subject.stack,
    file: subject.file,
    constructPath: subject.constructPath,
    ...(subject.address ? { address: subject.address } : {}),
    ...(subject.jsonPath ? { jsonPath: subject.jsonPath } : {}),
    fingerprint: prints.next(rule.id, subject.constructPath, '(rule error)'),
  };
}
