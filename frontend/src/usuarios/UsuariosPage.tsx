import { useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../api/client';
import type { AdminUser } from '../api/types';
import { Alert, Empty, Loading } from '../shared/Feedback';
import { PermisosMatriz } from './PermisosMatriz';
import { EditarUsuarioModal, NuevoUsuarioModal, ResetPasswordModal } from './UsuarioModals';
import { UsuariosTable } from './UsuariosTable';
import './usuarios.css';

const USUARIOS_KEY = ['admin', 'usuarios'] as const;

type Dialogo = { tipo: 'nuevo' } | { tipo: 'editar' | 'reset'; user: AdminUser } | null;
type Aviso = { kind: 'error' | 'success'; text: string } | null;

/** ui.md §9: user administration; the API answers a non-admin with 403 and that is what the page shows. */
export function UsuariosPage() {
  const queryClient = useQueryClient();
  const usuarios = useQuery({ queryKey: USUARIOS_KEY, queryFn: api.usuarios });
  // the matrix is extra: without it the page simply has no permissions section
  const permisos = useQuery({ queryKey: ['admin', 'permisos'], queryFn: api.permisos });
  const [dialogo, setDialogo] = useState<Dialogo>(null);
  const [aviso, setAviso] = useState<Aviso>(null);

  const recargar = useCallback(() => queryClient.invalidateQueries({ queryKey: USUARIOS_KEY }), [queryClient]);

  const alternarEstado = useMutation({
    mutationFn: (u: AdminUser) => api.editarUsuario(u.user_id, { is_active: !u.is_active }),
    onSuccess: (_, u) => setAviso({
      kind: 'success', text: u.is_active ? 'Usuario suspendido exitosamente' : 'Usuario reactivado exitosamente',
    }),
    onError: (error, u) => setAviso({
      kind: 'error', text: errorMessage(error, u.is_active ? 'Error al suspender usuario' : 'Error al reactivar usuario'),
    }),
    onSettled: recargar,
  });

  // stable: the shared modal re-runs its focus handling whenever these change
  const cerrar = useCallback(() => setDialogo(null), []);
  const hecho = useCallback((text: string) => {
    setDialogo(null);
    setAviso({ kind: 'success', text });
    void recargar();
  }, [recargar]);

  function abrir(d: Dialogo) {
    setAviso(null);
    setDialogo(d);
  }

  function pedirAlternar(u: AdminUser) {
    setAviso(null);
    const verbo = u.is_active ? 'suspender' : 'reactivar';
    if (window.confirm(`¿Seguro que deseas ${verbo} a ${u.nombres} ${u.apellidos}?`)) alternarEstado.mutate(u);
  }

  return (
    <section>
      <div className="page-header">
        <h1>Usuarios</h1>
        {!usuarios.isError && (
          <button type="button" className="btn btn-primary" onClick={() => abrir({ tipo: 'nuevo' })}>+ Nuevo Usuario</button>
        )}
      </div>
      {aviso && <Alert kind={aviso.kind}>{aviso.text}</Alert>}

      {usuarios.isPending && <Loading />}
      {usuarios.isError && <Alert kind="error">{errorMessage(usuarios.error, 'Error al cargar usuarios')}</Alert>}
      {usuarios.data?.length === 0 && <Empty>No hay usuarios registrados.</Empty>}
      {usuarios.data && usuarios.data.length > 0 && (
        <UsuariosTable
          usuarios={usuarios.data}
          busyId={alternarEstado.isPending ? alternarEstado.variables.user_id : null}
          onEditar={(user) => abrir({ tipo: 'editar', user })}
          onAlternarEstado={pedirAlternar}
          onResetPassword={(user) => abrir({ tipo: 'reset', user })}
        />
      )}

      {permisos.data && <PermisosMatriz permisos={permisos.data} />}

      {dialogo?.tipo === 'nuevo' && <NuevoUsuarioModal onClose={cerrar} onDone={hecho} />}
      {dialogo?.tipo === 'editar' && <EditarUsuarioModal user={dialogo.user} onClose={cerrar} onDone={hecho} />}
      {dialogo?.tipo === 'reset' && <ResetPasswordModal user={dialogo.user} onClose={cerrar} onDone={hecho} />}
    </section>
  );
}
