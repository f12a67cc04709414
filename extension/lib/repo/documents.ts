import {
  type Change,
  type Client,
  client as clientSchema,
  type DocType,
  type DocumentChange,
  type Invoice,
  invoice as invoiceSchema,
  type Note,
  note as noteSchema,
  type TeamSettings,
  teamSettings as teamSettingsSchema,
} from '@relance/shared';
import type { ClientRow, InvoiceRow, NoteRow } from '../db';
import { normaliseEmail, normaliseName } from './names';

/**
 * Between local rows and protocol changes. A row is the document's data plus its sync metadata;
 * parsing with the record's zod schema strips that metadata off again.
 */

/** What one outbox entry changes: a newer write to the same document replaces the older entry. */
export function changeKey(change: Change): string {
  return change.kind === 'activity' ? `activity:${change.activity.id}` : `${change.docType}:${change.id}`;
}

/** The id the server answers with in push results. */
export function changeId(change: Change): string {
  return change.kind === 'activity' ? change.activity.id : change.id;
}

export function invoiceChange(row: InvoiceRow): DocumentChange {
  return doc('invoice', row.id, row.hlc, row.deleted, invoiceSchema.parse(row));
}

export function clientChange(row: ClientRow): DocumentChange {
  return doc('client', row.id, row.hlc, row.deleted, clientSchema.parse(row));
}

export function noteChange(row: NoteRow): DocumentChange {
  return doc('note', row.id, row.hlc, row.deleted, noteSchema.parse(row));
}

/** The team settings document's id is the team id, filled in when it is pushed (see sync/push.ts). */
export function settingsChange(id: string, hlc: string, data: TeamSettings): DocumentChange {
  return doc('settings', id, hlc, false, teamSettingsSchema.parse(data));
}

function doc<T extends DocType>(docType: T, id: string, hlc: string, deleted: boolean, data: unknown) {
  return { kind: 'document', docType, id, hlc, deleted, data } as DocumentChange;
}

export function clientRow(data: Client, hlc: string, deleted = false): ClientRow {
  return {
    ...data,
    emails: [...new Set(data.emails.map(normaliseEmail))],
    nameKey: normaliseName(data.name),
    hlc,
    deleted,
  };
}

export function invoiceRow(data: Invoice, hlc: string, deleted = false): InvoiceRow {
  return { ...data, hlc, deleted };
}

export function noteRow(
  data: Note,
  hlc: string,
  createdAt: string,
  updatedAt: string,
  deleted = false,
): NoteRow {
  return { ...data, hlc, deleted, createdAt, updatedAt };
}
