/**
 * The API shapes of issue 12 (teams): roles, users, API tokens, the audit log,
 * the approval workflow and a note's versions, named after the generated
 * schema. The console imports them from here only.
 */
import type { components, paths } from './schema';

export { actorKindValues, auditActionValues, auditTargetValues, reviewStatusValues, roleValues } from './schema';

type S = components['schemas'];

/** Least first: each role includes the one before. */
export type Role = S['Role'];
export type ActorKind = S['ActorKind'];
export type AuditAction = S['AuditAction'];
export type AuditTarget = S['AuditTarget'];
export type ReviewStatus = S['ReviewStatus'];

export type Me = S['Me'];
export type User = S['User'];
export type UserList = S['UserList'];
export type UserInput = S['UserInput'];
export type UserCreated = S['UserCreated'];
export type UserUpdate = S['UserUpdate'];
export type UserUpdated = S['UserUpdated'];

export type ApiToken = S['ApiToken'];
export type TokenList = S['TokenList'];
export type TokenInput = S['TokenInput'];
export type TokenCreated = S['TokenCreated'];

export type AuditEntry = S['AuditEntry'];
export type AuditPage = S['AuditPage'];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export type ReviewInput = S['ReviewInput'];
export type PostVersionSummary = S['PostVersionSummary'];
export type PostVersionList = S['PostVersionList'];
export type PostVersion = S['PostVersion'];
export type PostDiff = S['PostDiff'];
export type FieldDiff = S['FieldDiff'];
export type DiffLine = S['DiffLine'];
