import {
  type Activity,
  activity as activitySchema,
  type Client,
  client as clientSchema,
  compareActivities,
  type Invoice,
  type IsoDate,
  invoice as invoiceSchema,
  type TeamSettings,
  teamSettings,
  withoutVoided,
} from '@relance/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/open';
import { activities, documents } from '../../db/schema';
import { listPeople, type PersonListing } from '../../services/people';
import { loadMerges, throughMerges } from './merges';

/**
 * Everything the overview's figures are computed from: the team's live invoice and client
 * documents, its settings, and all its activities. Read once per page; an SME's history fits in
 * memory comfortably (tens of thousands of rows).
 */
export interface TeamSnapshot {
  teamId: string;
  today: IsoDate;
  settings: TeamSettings;
  invoices: Invoice[];
  clients: Map<string, Client>;
  /** Oldest first (policy order), withdrawn entries left out. */
  activities: Activity[];
  people: PersonListing[];
}

export async function loadTeamSnapshot(db: Database, teamId: string, today: IsoDate): Promise<TeamSnapshot> {
  const [docs, activityRows, people, merges] = await Promise.all([
    db
      .select({ docType: documents.docType, id: documents.id, data: documents.data })
      .from(documents)
      .where(
        and(
          eq(documents.teamId, teamId),
          eq(documents.deleted, false),
          inArray(documents.docType, ['client', 'invoice', 'settings']),
        ),
      ),
    db.select({ data: activities.data }).from(activities).where(eq(activities.teamId, teamId)),
    listPeople(db, teamId),
    loadMerges(db, teamId),
  ]);

  const invoices: Invoice[] = [];
  const clients = new Map<string, Client>();
  let settings: TeamSettings | null = null;
  // Stored data was validated on push; parsing again fills defaults of older writes and skips
  // anything a later schema no longer accepts instead of breaking the whole page.
  for (const doc of docs) {
    if (doc.docType === 'invoice') {
      const parsed = invoiceSchema.safeParse(doc.data);
      if (parsed.success) invoices.push(parsed.data);
    } else if (doc.docType === 'client') {
      const parsed = clientSchema.safeParse(doc.data);
      if (parsed.success) clients.set(parsed.data.id, parsed.data);
    } else if (doc.docType === 'settings' && doc.id === teamId) {
      const parsed = teamSettings.safeParse(doc.data);
      if (parsed.success) settings = parsed.data;
    }
  }
  const parsedActivities: Activity[] = [];
  for (const row of activityRows) {
    const parsed = activitySchema.safeParse(row.data);
    if (parsed.success) parsedActivities.push(throughMerges(parsed.data, merges));
  }
  parsedActivities.sort(compareActivities);

  return {
    teamId,
    today,
    settings: settings ?? teamSettings.parse({}),
    invoices,
    clients,
    // Withdrawn entries and their voids never count in a figure (shared/policy/voids.ts); the
    // history pages read the activities themselves and show both.
    activities: withoutVoided(parsedActivities),
    people,
  };
}
