import type { AdminUser } from '../api/types';
import { RolPill } from './RolesField';
import { documento } from './usuarioForm';

interface Props {
  usuarios: AdminUser[];
  /** The user whose suspend/reactivate call is under way. */
  busyId: number | null;
  onEditar: (u: AdminUser) => void;
  onAlternarEstado: (u: AdminUser) => void;
  onResetPassword: (u: AdminUser) => void;
}

export function UsuariosTable({ usuarios, busyId, onEditar, onAlternarEstado, onResetPassword }: Props) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr><th>Email</th><th>Nombre</th><th>Documento</th><th>Roles</th><th>Estado</th><th>Acciones</th></tr>
        </thead>
        <tbody>
          {usuarios.map((u) => (
            <tr key={u.user_id}>
              <td>{u.user_email}</td>
              <td>{u.nombres} {u.apellidos}</td>
              <td className="nowrap">{documento(u)}</td>
              <td>{u.roles.map((rol) => <RolPill key={rol} rol={rol} />)}</td>
              <td>
                {u.is_active
                  ? <span className="badge estado-activo">ACTIVO</span>
                  : <span className="badge estado-suspendido">SUSPENDIDO</span>}
              </td>
              <td>
                <div className="usuario-actions">
                  <button type="button" className="btn btn-outline btn-sm" onClick={() => onEditar(u)}>Editar</button>
                  <button type="button" disabled={busyId === u.user_id} onClick={() => onAlternarEstado(u)}
                          className={`btn btn-sm ${u.is_active ? 'btn-outline-danger' : 'btn-outline-success'}`}>
                    {busyId === u.user_id ? 'Procesando...' : u.is_active ? 'Suspender' : 'Reactivar'}
                  </button>
                  <button type="button" className="btn btn-secondary btn-sm" onClick={() => onResetPassword(u)}>Reset Pass</button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
