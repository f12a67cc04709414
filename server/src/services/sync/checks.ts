import {
  activityChange,
  type Change,
  documentChange,
  MAX_REMOTE_DRIFT_MS,
  type RejectionCode,
} from '@relance/shared';

/** Why a change cannot be stored, or null when it can. Each change is judged alone. */
export type Verdict = { ok: true; change: Change } | { ok: false; reason: string; code: RejectionCode };

const reject = (code: RejectionCode, reason: string): Verdict => ({ ok: false, code, reason });

export interface CheckContext {
  teamId: string;
  canEditSettings: boolean;
  now: Date;
}

export function checkChange(raw: unknown, index: number, ctx: CheckContext): Verdict {
  // Dispatch on `kind` first, so that a bad field is named precisely rather than "invalid union".
  const kind = raw && typeof raw === 'object' ? (raw as { kind?: unknown }).kind : undefined;
  if (kind !== 'activity' && kind !== 'document') {
    return reject('invalid', `changes.${index}.kind: expected 'activity' or 'document'`);
  }
  const parsed = (kind === 'activity' ? activityChange : documentChange).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['changes', index, ...(issue?.path ?? [])].join('.');
    return reject('invalid', `${path}: ${issue?.message ?? 'invalid change'}`);
  }
  const c = parsed.data;
  const storable = findUnstorableText(c, `changes.${index}`);
  if (storable) return reject('invalid', storable);

  if (c.kind === 'activity') {
    const year = new Date(c.activity.at).getUTCFullYear();
    if (!(year >= 1900 && year <= 2999)) {
      return reject('invalid', `changes.${index}.activity.at: outside the years 1900–2999`);
    }
    return { ok: true, change: c };
  }

  // A clock this far ahead would win every later write (shared/clock refuses it the same way).
  if (Number(c.hlc.slice(0, 15)) > ctx.now.getTime() + MAX_REMOTE_DRIFT_MS) {
    return reject('clock_ahead', `changes.${index}.hlc: clock is more than a day ahead of the server`);
  }
  if (c.docType === 'settings') {
    if (c.id !== ctx.teamId) return reject('wrong_id', `changes.${index}.id: the settings id is the team id`);
    if (!ctx.canEditSettings)
      return reject('forbidden_role', 'only an owner or a lead can change team settings');
  } else if (c.data.id !== c.id) {
    return reject('wrong_id', `changes.${index}.data.id: must equal the document id`);
  }
  return { ok: true, change: c };
}

/** The id a result is reported under: the change's own id, or its index when it has none. */
export function resultId(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object') {
    const r = raw as { id?: unknown; activity?: { id?: unknown } };
    const id = r.activity && typeof r.activity === 'object' ? r.activity.id : r.id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 100) return id;
  }
  return String(index);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * PostgreSQL refuses NUL characters and unpaired surrogates in text and jsonb; catching them here
 * keeps one such change from failing the whole batch's transaction.
 */
function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return `${path}: text must not contain NUL characters`;
    if (LONE_SURROGATE.test(value)) return `${path}: text is not valid Unicode`;
    return null;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnstorableText(v, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnstorableText(k, `${path}.${k}`) ?? findUnstorableText(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
