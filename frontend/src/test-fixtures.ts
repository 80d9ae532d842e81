import { QueryClient } from '@tanstack/react-query';
import type { Rol, User } from './api/types';

/** A signed-in user with these roles, for the pages' tests. */
export const conRoles = (...roles: Rol[]): User => ({
  user_id: 1, user_email: 'x@cmep.local', estado: 'ACTIVO', roles, permissions_extra: [], display_name: 'X',
});

/** A query client for one test: a failed request is an answer to assert on, not something to retry. */
export const testQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
