/** The age split of overdue amounts (docs/architecture.md#the-rules-the-code-computes): days past the due date. */
export const AGE_BUCKETS = [
  { id: '0-30', minDays: 1, maxDays: 30 },
  { id: '31-60', minDays: 31, maxDays: 60 },
  { id: '61-90', minDays: 61, maxDays: 90 },
  { id: '90+', minDays: 91, maxDays: Number.POSITIVE_INFINITY },
] as const;

export type AgeBucketId = (typeof AGE_BUCKETS)[number]['id'];
export const AGE_BUCKET_IDS: AgeBucketId[] = AGE_BUCKETS.map((b) => b.id);

/** The bucket of an overdue invoice (`daysOverdue` ≥ 1); an invoice not yet late has none. */
export function ageBucketOf(daysOverdue: number): AgeBucketId | null {
  return AGE_BUCKETS.find((b) => daysOverdue >= b.minDays && daysOverdue <= b.maxDays)?.id ?? null;
}

export function isAgeBucketId(value: unknown): value is AgeBucketId {
  return typeof value === 'string' && (AGE_BUCKET_IDS as string[]).includes(value);
}
