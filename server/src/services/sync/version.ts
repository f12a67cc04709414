import { SYNC_SCHEMA_VERSION } from '@relance/shared';
import { ServiceError } from '../errors';

/** The sync protocol versions this server speaks (see SYNC_SCHEMA_VERSION in @relance/shared). */
export const SUPPORTED_SCHEMA_VERSIONS = { min: 1, max: SYNC_SCHEMA_VERSION } as const;

/**
 * Refuses a client whose protocol this server does not speak, with a code it can act on:
 * `schema_too_old` (the extension needs an update) or `schema_too_new` (the server does).
 */
export function checkSchemaVersion(asked: number): number {
  const { min, max } = SUPPORTED_SCHEMA_VERSIONS;
  const range = min === max ? `${min}` : `${min} to ${max}`;
  if (asked < min) {
    throw new ServiceError(
      400,
      'schema_too_old',
      `this client speaks sync schema ${asked}; this server speaks ${range}: update the extension`,
      { supportedSchemaVersions: SUPPORTED_SCHEMA_VERSIONS },
    );
  }
  if (asked > max) {
    throw new ServiceError(
      400,
      'schema_too_new',
      `this client speaks sync schema ${asked}; this server speaks ${range}: update the server`,
      { supportedSchemaVersions: SUPPORTED_SCHEMA_VERSIONS },
    );
  }
  return asked;
}
