import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth, useUser } from '../auth/AuthProvider';
import type { Rol } from '../api/types';

interface MenuItem { label: string; to: string; end?: boolean; onlyFor?: Rol }

const MENU: MenuItem[] = [
  { label: 'Inicio', to: '/app', end: true },
  { label: 'Solicitudes', to: '/app/solicitudes' },
  { label: 'Promotores', to: '/app/promotores' },
  { label: 'Usuarios', to: '/app/usuarios', onlyFor: 'ADMIN' },
  { label: 'Reportes', to: '/app/reportes-admin', onlyFor: 'ADMIN' },
];

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const items = MENU.filter((item) => !item.onlyFor || user.roles.includes(item.onlyFor));

  async function salir() {
    await logout();
    navigate('/login', { replace: true });
  }

  return (
    <div className="container">
      <header className="app-header">
        <div className="app-header-left">
          <span className="brand">CMEP</span>
          <nav aria-label="Menu principal" className="menu">
            {items.map((item) => (
              <NavLink key={item.to} to={item.to} end={item.end}
                       className={({ isActive }) => `menu-item${isActive ? ' active' : ''}`}>
                {item.label}
              </NavLink>
            ))}
          </nav>
        </div>
        <div className="app-header-right">
          <span className="user-chip">{user.display_name} — {user.roles.join(', ')}</span>
          <button type="button" className="btn btn-outline" onClick={salir}>Salir</button>
        </div>
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
