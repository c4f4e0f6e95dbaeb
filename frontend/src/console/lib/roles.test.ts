import { describe, expect, it } from 'vitest';
import { can, parseRole, rank } from './roles';

describe('roles', () => {
  it('orders viewer < operator < reviewer < admin', () => {
    expect(['viewer', 'operator', 'reviewer', 'admin'].map(rank)).toEqual([0, 1, 2, 3]);
  });
  it('lets each role do what the roles before it may do', () => {
    expect(can('admin', 'viewer')).toBe(true);
    expect(can('admin', 'admin')).toBe(true);
    expect(can('reviewer', 'operator')).toBe(true);
    expect(can('operator', 'operator')).toBe(true);
    expect(can('viewer', 'viewer')).toBe(true);
  });
  it('refuses what needs a higher role', () => {
    expect(can('viewer', 'operator')).toBe(false);
    expect(can('operator', 'reviewer')).toBe(false);
    expect(can('reviewer', 'admin')).toBe(false);
  });
  it('refuses everything to an unknown or missing role', () => {
    expect(can('superuser', 'viewer')).toBe(false);
    expect(can(null, 'viewer')).toBe(false);
    expect(can(undefined, 'viewer')).toBe(false);
  });
  it('parses only known roles', () => {
    expect(parseRole('reviewer')).toBe('reviewer');
    expect(parseRole('root')).toBeNull();
    expect(parseRole(3)).toBeNull();
  });
});
