import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { api, setUnauthorizedHandler } from '../api/client';
import type { Rol, User } from '../api/types';

interface AuthState {
  /** undefined while the start-up session check runs; null when anonymous. */
  user: User | null | undefined;
  login: (email: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    let active = true;
    api.me().then((me) => active && setUser(me), () => active && setUser(null));
    return () => { active = false; };
  }, []);

  const endSession = useCallback(() => {
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      endSession();
      navigate('/login', { replace: true });
    });
    return () => setUnauthorizedHandler(() => {});
  }, [endSession, navigate]);

  const login = useCallback(async (email: string, password: string) => {
    const me = await api.login(email, password);
    queryClient.clear();
    setUser(me);
    return me;
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // the local session ends whatever the server answered (ui.md §11)
    }
    endSession();
  }, [endSession]);

  const value = useMemo(() => ({ user, login, logout }), [user, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The logged-in user; only for pages under the private route guard. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser outside a private route');
  return user;
}

export function hasRole(user: User, rol: Rol): boolean {
  return user.roles.includes(rol);
}
