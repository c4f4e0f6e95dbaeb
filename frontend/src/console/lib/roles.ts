/**
 * Roles are ordered: each includes the one before (viewer < operator <
 * reviewer < admin). The console hides or disables what the signed-in role
 * may not do; the server refuses it anyway.
 */
import { roleValues, type Role } from '../../api/team-types';

/** The rank of a role; an unknown one (from a newer server) ranks below viewer. */
export function rank(role: string | null | undefined): number {
  return roleValues.findIndex((r) => r === role);
}

/** Whether `role` includes `least` (may do what `least` may do). */
export function can(role: string | null | undefined, least: Role): boolean {
  const r = rank(role);
  return r >= 0 && r >= rank(least);
}

/** A role from the wire, or null when it is not one the console knows. */
export function parseRole(v: unknown): Role | null {
  return roleValues.find((r) => r === v) ?? null;
}

/**
 * What the console needs for each kind of action: reads are `viewer`,
 * writes `operator`, approving `reviewer`, people and tokens `admin`.
 */
export const NEEDS = {
  write: 'operator',
  review: 'reviewer',
  admin: 'admin',
} as const satisfies Record<string, Role>;
