/**
 * One merge-request note kept up to date through GitLab's REST API (Notes API): the note whose
 * body starts with the marker is edited, else one is created — the GitLab counterpart of the
 * GitHub sticky comment. Where it posts comes from GitLab CI's predefined variables; the token from
 * SLZ_GITLAB_TOKEN (a project access token with `api` scope; GitLab's CI job token is not allowed
 * to write notes) or, failing that, CI_JOB_TOKEN. The token is sent in a header and never printed.
 */

export interface GitlabNoteTarget {
  /** `CI_API_V4_URL`, e.g. https://gitlab.agency.example/api/v4 */
  readonly apiUrl: string;
  /** `CI_PROJECT_ID` (a number, or the URL-encoded path). */
  readonly projectId: string;
  /** `CI_MERGE_REQUEST_IID`. */
  readonly mergeRequestIid: string;
  readonly auth: { readonly header: 'PRIVATE-TOKEN' | 'JOB-TOKEN'; readonly token: string; readonly from: string };
}

export class GitlabNoteError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'GitlabNoteError';
  }
}

/** Where to post, from GitLab CI's variables; the missing ones named (never their values). */
export function gitlabTargetFromEnv(env: NodeJS.ProcessEnv): GitlabNoteTarget {
  const missing = ['CI_API_V4_URL', 'CI_PROJECT_ID', 'CI_MERGE_REQUEST_IID'].filter((k) => !env[k]);
  const token = env.SLZ_GITLAB_TOKEN ? { header: 'PRIVATE-TOKEN' as const, token: env.SLZ_GITLAB_TOKEN, from: 'SLZ_GITLAB_TOKEN' } : env.CI_JOB_TOKEN ? { header: 'JOB-TOKEN' as const, token: env.CI_JOB_TOKEN, from: 'CI_JOB_TOKEN' } : undefined;
  if (!token) missing.push('SLZ_GITLAB_TOKEN (a project access token with api scope) or CI_JOB_TOKEN');
  if (missing.length) throw new GitlabNoteError([`review --post gitlab: not in a GitLab merge-request pipeline: ${missing.join(', ')} not set`]);
  let api: URL;
  try {
    api = new URL(env.CI_API_V4_URL!);
  } catch {
    throw new GitlabNoteError(['review --post gitlab: CI_API_V4_URL is not a URL']);
  }
  if (api.protocol !== 'https:' && !(api.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(api.hostname))) {
    throw new GitlabNoteError([`review --post gitlab: CI_API_V4_URL must be https (got ${api.protocol}//${api.host}): the token would travel in clear`]);
  }
  return { apiUrl: env.CI_API_V4_URL!.replace(/\/+$/, ''), projectId: env.CI_PROJECT_ID!, mergeRequestIid: env.CI_MERGE_REQUEST_IID!, auth: token! };
}

interface Note {
  readonly id: number;
  readonly body?: string;
  readonly system?: boolean;
}

/** GitLab's note limit is 1,000,000 characters; slz's report is far below it. */
export const GITLAB_NOTE_LIMIT = 1_000_000;

async function call(target: GitlabNoteTarget, method: string, path: string, body?: unknown, fetchImpl: typeof fetch = fetch): Promise<Response> {
  const url = `${target.apiUrl}/projects/${encodeURIComponent(target.projectId)}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}${path}`;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method,
      headers: { [target.auth.header]: target.auth.token, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      redirect: 'error',
    });
  } catch (e) {
    throw new GitlabNoteError([`review --post gitlab: ${method} ${new URL(url).pathname} failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`]);
  }
  if (!res.ok) {
    const hint =
      (res.status === 401 || res.status === 403) && target.auth.header === 'JOB-TOKEN'
        ? ': GitLab\'s CI job token cannot write merge-request notes; set SLZ_GITLAB_TOKEN to a project access token (api scope, Reporter role) as a masked CI/CD variable'
        : res.status === 401 || res.status === 403
          ? `: ${target.auth.from} was refused (it needs api scope and at least the Reporter role)`
          : '';
    throw new GitlabNoteError([`review --post gitlab: ${method} ${new URL(url).pathname} answered HTTP ${res.status}${hint}`]);
  }
  return res;
}

/** The note that starts with `marker`, following GitLab's pagination (`X-Next-Page`). */
async function findNote(target: GitlabNoteTarget, marker: string, fetchImpl: typeof fetch): Promise<Note | undefined> {
  for (let page = '1'; page; ) {
    const res = await call(target, 'GET', `/notes?per_page=100&page=${page}&sort=asc&order_by=created_at`, undefined, fetchImpl);
    const notes = (await res.json()) as Note[];
    const mine = notes.find((n) => !n.system && typeof n.body === 'string' && n.body.startsWith(marker));
    if (mine) return mine;
    page = res.headers.get('x-next-page') ?? '';
  }
  return undefined;
}

/** Creates or updates the one note that starts with `marker`. */
export async function upsertGitlabNote(target: GitlabNoteTarget, body: string, marker: string, fetchImpl: typeof fetch = fetch): Promise<{ action: 'created' | 'updated'; id: number }> {
  if (!body.startsWith(marker)) throw new GitlabNoteError([`review --post gitlab: the note must start with its marker ${marker}`]);
  if (body.length > GITLAB_NOTE_LIMIT) throw new GitlabNoteError([`review --post gitlab: the note has ${body.length} characters; GitLab accepts ${GITLAB_NOTE_LIMIT}`]);
  const existing = await findNote(target, marker, fetchImpl);
  if (existing) {
    await call(target, 'PUT', `/notes/${existing.id}`, { body }, fetchImpl);
    return { action: 'updated', id: existing.id };
  }
  const res = await call(target, 'POST', '/notes', { body }, fetchImpl);
  return { action: 'created', id: ((await res.json()) as Note).id };
}
