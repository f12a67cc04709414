/**
 * Roles in a team (zod-free: the server's database schema and the extension both read them).
 * Owners and leads invite people and read the dashboard; only owners change roles, revoke
 * tokens, rename the team or hand it over. A team always keeps at least one owner.
 */
export const ROLES = ['owner', 'lead', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** The roles an invite can give: an owner is made by a role change or a hand-over, never by a code. */
export const INVITE_ROLES = ['member', 'lead'] as const satisfies readonly Role[];
export type InviteRole = (typeof INVITE_ROLES)[number];
