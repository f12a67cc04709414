import { type Client, client as clientSchema } from '@relance/shared';
import type { ClientRow } from '../../db';

/** A client row without its sync metadata, as pages receive it. */
export function clientSchemaData(row: ClientRow): Client {
  return clientSchema.parse(row);
}
