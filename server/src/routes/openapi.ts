import * as api from '@relance/shared';
import { change, MAX_PUSH_CHANGES, pullQuery, pullResponse, pushResponse } from '@relance/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { rateChangeBody } from '../rates/rateChange';
import { SUPPORTED_SCHEMA_VERSIONS } from '../services/sync/version';
import { teamRatesAnswer } from './rates';

/**
 * The OpenAPI 3.1 document. Paths are written by hand; every schema is generated from the very zod
 * schemas the routes validate with, and a test checks that paths and routes match.
 */
export function openApiRoutes() {
  const document = buildOpenApiDocument();
  return new Hono<AppEnv>().get('/openapi.json', (c) => c.json(document));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

/** Query parameters from a zod object: one entry per field. */
function queryParameters(schema: z.ZodObject) {
  const properties = jsonSchema(schema, 'input').properties as Record<string, object>;
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schemaName: string) => ({ content: { 'application/json': { schema: ref(schemaName) } } });
const ok = (description: string, schemaName: string) => ({ description, ...json(schemaName) });
const errors = {
  '400': ok('Invalid input; `issues` names each field', 'Error'),
  '401': ok('Missing, unknown or revoked token', 'Error'),
  '429': ok('Too many requests from this token or address; `Retry-After` says when to try again', 'Error'),
};
const idPath = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
const bearer = [{ bearer: [] }];

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Relance sync server',
      version: '1',
      description:
        'Team history for the Relance extension. Every call but team creation and joining needs ' +
        '`Authorization: Bearer <token>` and only ever sees the token’s team. Bodies above the size limit get 413.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: jsonSchema(api.apiError),
        CreateTeamRequest: jsonSchema(api.createTeamBody, 'input'),
        JoinRequest: jsonSchema(api.joinBody, 'input'),
        InviteRequest: jsonSchema(api.inviteBody, 'input'),
        SetRoleRequest: jsonSchema(api.setRoleBody, 'input'),
        Membership: jsonSchema(api.membershipAnswer),
        Me: jsonSchema(api.meAnswer),
        Person: jsonSchema(api.personInfo),
        People: jsonSchema(api.peopleAnswer),
        Invite: jsonSchema(api.inviteAnswer),
        PendingInvites: jsonSchema(api.pendingInvitesAnswer),
        RenameTeamRequest: jsonSchema(api.renameTeamBody, 'input'),
        HandOverRequest: jsonSchema(api.handOverBody, 'input'),
        HandOver: jsonSchema(api.handOverAnswer),
        Team: jsonSchema(api.teamAnswer),
        Change: jsonSchema(change, 'input'),
        PushRequest: {
          type: 'object',
          required: ['changes'],
          properties: {
            schemaVersion: {
              type: 'integer',
              default: 1,
              description: `Sync protocol version the client speaks (this server: ${SUPPORTED_SCHEMA_VERSIONS.min}–${SUPPORTED_SCHEMA_VERSIONS.max}); outside that range the answer is 400 \`schema_too_old\` or \`schema_too_new\``,
            },
            changes: { type: 'array', minItems: 1, maxItems: MAX_PUSH_CHANGES, items: ref('Change') },
          },
          description:
            'Each change is validated alone: an invalid one comes back `rejected`, the others are stored.',
        },
        PushResponse: jsonSchema(pushResponse),
        PullResponse: jsonSchema(pullResponse),
        HistoryPage: jsonSchema(api.historyPage),
        NoteRevisions: jsonSchema(api.noteRevisionsAnswer),
        RateChange: jsonSchema(rateChangeBody, 'input'),
        TeamRates: jsonSchema(teamRatesAnswer),
        Correction: jsonSchema(api.correctionRequest, 'input'),
        CorrectionResult: jsonSchema(api.correctionResult),
      },
    },
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness, database included',
          responses: { '200': { description: '`{ ok: true }`' } },
        },
      },
      '/api/v1/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI' } } },
      },
      '/api/v1/teams': {
        post: {
          summary: 'Create a team and its first person (owner); no token needed while sign-up is open',
          description:
            'With `RELANCE_SIGNUP=closed` (the default when `NODE_ENV=production`) only the instance admin may, with ' +
            '`Authorization: Bearer <RELANCE_ADMIN_TOKEN>`; others get 403 `signup_closed`.',
          requestBody: json('CreateTeamRequest'),
          responses: {
            '201': ok('The team, its owner and the owner’s token (shown once)', 'Membership'),
            ...errors,
            '403': ok('`signup_closed`: this server does not let anyone create a team', 'Error'),
          },
        },
      },
      '/api/v1/join': {
        post: {
          summary: 'Join a team with an invite code; no token needed',
          requestBody: json('JoinRequest'),
          responses: { '201': ok('The new person and their token (shown once)', 'Membership'), ...errors },
        },
      },
      '/api/v1/invites': {
        post: {
          summary: 'Make an invite code (owner or lead). Codes are single-use and expire after 7 days.',
          security: bearer,
          requestBody: json('InviteRequest'),
          responses: {
            '201': ok('The code', 'Invite'),
            ...errors,
            '403': ok('Not an owner or lead', 'Error'),
          },
        },
        get: {
          summary: 'The team’s pending invites (owner or lead); codes are never shown again',
          security: bearer,
          responses: { '200': ok('Pending invites', 'PendingInvites'), ...errors },
        },
      },
      '/api/v1/me': {
        get: {
          summary: 'Who this token is',
          security: bearer,
          responses: { '200': ok('Team and person', 'Me'), ...errors },
        },
      },
      '/api/v1/people': {
        get: {
          summary: 'The team’s people',
          security: bearer,
          responses: { '200': ok('People', 'People'), ...errors },
        },
      },
      '/api/v1/people/{id}': {
        patch: {
          summary: 'Change a person’s role (owner); a team keeps at least one owner',
          security: bearer,
          parameters: idPath,
          requestBody: json('SetRoleRequest'),
          responses: {
            '200': { description: '`{ person }`' },
            ...errors,
            '403': ok('Not an owner', 'Error'),
            '404': ok('No such person in this team', 'Error'),
            '409': ok('Would leave the team without an owner', 'Error'),
          },
        },
      },
      '/api/v1/people/{id}/revoke': {
        post: {
          summary: 'Revoke every token of a person (owner)',
          security: bearer,
          parameters: idPath,
          responses: {
            '200': { description: '`{ person, revoked }` (how many tokens)' },
            ...errors,
            '403': ok('Not an owner', 'Error'),
            '404': ok('No such person in this team', 'Error'),
          },
        },
      },
      '/api/v1/tokens/revoke': {
        post: {
          summary: 'Sign out: revoke the calling token',
          security: bearer,
          responses: { '204': { description: 'Revoked' }, ...errors },
        },
      },
      '/api/v1/sync/push': {
        post: {
          summary: 'Push a batch of changes, stored in one transaction; retrying is safe',
          description:
            'Activities are deduplicated by id (`duplicate` the second time). Documents are last-writer-wins by HLC ' +
            '(`stale` when older than the stored one; a stale note is still kept as a revision). The author of every ' +
            'stored change is the token’s person. Ids name records inside the team only. A `rejected` result carries ' +
            '`code` (`invalid`, `clock_ahead`, `forbidden_role`, `wrong_id`), `retryable` (true for `clock_ahead` only: ' +
            'the same change may be accepted once the clocks agree) and `reason` (words for a person).',
          security: bearer,
          requestBody: json('PushRequest'),
          responses: {
            '200': ok('One result per change, in order', 'PushResponse'),
            ...errors,
            '413': ok('Body too large', 'Error'),
          },
        },
      },
      '/api/v1/invites/{id}/revoke': {
        post: {
          summary: 'Revoke a pending invite (owner or lead); its code stops working',
          security: bearer,
          parameters: idPath,
          responses: {
            '204': { description: 'Revoked' },
            ...errors,
            '404': ok('No such pending invite', 'Error'),
          },
        },
      },
      '/api/v1/team': {
        patch: {
          summary: 'Rename the team (owner)',
          security: bearer,
          requestBody: json('RenameTeamRequest'),
          responses: { '200': ok('The team', 'Team'), ...errors, '403': ok('`forbidden_role`', 'Error') },
        },
      },
      '/api/v1/team/hand-over': {
        post: {
          summary:
            'Hand the team over (owner): the person becomes owner, the caller a lead; a team always keeps an owner',
          security: bearer,
          requestBody: json('HandOverRequest'),
          responses: {
            '200': ok('The new and the former owner', 'HandOver'),
            ...errors,
            '404': ok('No such person', 'Error'),
          },
        },
      },
      '/api/v1/tokens/reissue': {
        post: {
          summary: 'A new token for the caller; the one used is revoked (with its dashboard sessions)',
          security: bearer,
          responses: { '201': ok('The new token, shown once', 'Membership'), ...errors },
        },
      },
      '/api/v1/sync/pull': {
        get: {
          summary: 'Changes with a version above `since`, in version order, paged',
          description:
            'Documents come in their latest state only. `cursor` is the last version returned (or `since`). A `since` ' +
            'beyond the team’s latest change (a database restored from an older backup) is answered 409 ' +
            '`cursor_ahead` with `reset: true` and `serverCursor`: pull again from 0 (re-applying changes is harmless).',
          security: bearer,
          parameters: queryParameters(pullQuery),
          responses: {
            '200': ok('A page of changes', 'PullResponse'),
            ...errors,
            '409': ok('`cursor_ahead`: start again from `since=0`', 'Error'),
          },
        },
      },
      '/api/v1/notes/{id}/revisions': {
        get: {
          summary: 'Every revision of a note, newest clock first',
          security: bearer,
          parameters: idPath,
          responses: {
            '200': ok('Revisions', 'NoteRevisions'),
            ...errors,
            '404': ok('No such note in this team', 'Error'),
          },
        },
      },
      '/api/v1/history': {
        get: {
          summary: 'Activities and notes, newest first, filtered and paged',
          description:
            'Page with `cursor` (the previous page’s `nextCursor`, null on the last page): entries added between ' +
            'pages neither repeat nor shift what follows. `offset` still works, for page numbers.',
          security: bearer,
          parameters: queryParameters(api.historyQuery),
          responses: { '200': ok('A page of history', 'HistoryPage'), ...errors },
        },
      },
      '/api/v1/history.csv': {
        get: {
          summary: 'The filtered history as CSV (UTF-8 with BOM; fr: `;` and decimal comma, en: `,`)',
          security: bearer,
          parameters: queryParameters(api.historyCsvQuery),
          responses: { '200': { description: 'CSV file', content: { 'text/csv': {} } }, ...errors },
        },
      },
      '/api/v1/rates': {
        get: {
          summary: "The team's reference-rate table: the shipped table with the rates its leads added",
          security: bearer,
          responses: { '200': ok('The table and the team’s additions', 'TeamRates'), ...errors },
        },
        post: {
          summary:
            'Adds a published rate (or a checked-until date); owners and leads. Installs get it with sync.',
          security: bearer,
          requestBody: { required: true, ...json('RateChange') },
          responses: {
            '200': ok('The table after the change', 'TeamRates'),
            '403': ok('A member cannot change the rate table', 'Error'),
            ...errors,
          },
        },
      },
      '/api/v1/corrections': {
        post: {
          summary:
            'Merges a wrong client or invoice into the right one, or deletes it; owners and leads. Written as synced documents (merge, tombstones) that installs pull.',
          security: bearer,
          requestBody: { required: true, ...json('Correction') },
          responses: {
            '200': ok('What the correction wrote', 'CorrectionResult'),
            '403': ok('A member cannot correct records', 'Error'),
            '404': ok('No such live record in this team', 'Error'),
            '409': ok('A record changed meanwhile; look again and retry', 'Error'),
            ...errors,
          },
        },
      },
    },
  };
}
