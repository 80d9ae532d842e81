import { useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage } from '../api/client';
import type { Promotor } from '../api/types';
import { Alert, Empty, Loading } from '../shared/Feedback';
import { PromotorModal } from './PromotorModal';
import { PromotoresTable } from './PromotoresTable';
import './promotores.css';

const PROMOTORES_KEY = ['promotores'] as const;

/** The modal's subject: a new promoter, or the one being edited. */
type Editando = { promotor?: Promotor } | null;

/** ui.md §8: the referral sources, for every role. */
export function PromotoresPage() {
  const queryClient = useQueryClient();
  const lista = useQuery({ queryKey: PROMOTORES_KEY, queryFn: api.promotores });
  const [editando, setEditando] = useState<Editando>(null);

  const eliminar = useMutation({
    mutationFn: (p: Promotor) => api.eliminarPromotor(p.promotor_id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: PROMOTORES_KEY }),
  });

  // stable: the shared modal re-runs its focus handling whenever this changes
  const cerrar = useCallback(() => setEditando(null), []);
  const guardado = useCallback(() => {
    setEditando(null);
    void queryClient.invalidateQueries({ queryKey: PROMOTORES_KEY });
  }, [queryClient]);

  function abrir(subject: NonNullable<Editando>) {
    eliminar.reset();
    setEditando(subject);
  }

  function pedirEliminar(p: Promotor) {
    eliminar.reset();
    if (window.confirm('Eliminar este promotor?')) eliminar.mutate(p);
  }

  return (
    <section>
      <div className="page-header">
        <h1>Promotores</h1>
        {!editando && (
          <button type="button" className="btn btn-success" onClick={() => abrir({})}>+ Nuevo promotor</button>
        )}
      </div>

      {eliminar.isError && <Alert kind="error">{errorMessage(eliminar.error, 'Error al eliminar promotor')}</Alert>}

      {lista.isPending && <Loading />}
      {lista.isError && <Alert kind="error">{errorMessage(lista.error, 'Error al cargar promotores')}</Alert>}
      {lista.data?.length === 0 && <Empty>No hay promotores registrados.</Empty>}
      {lista.data && lista.data.length > 0 && (
        <PromotoresTable
          promotores={lista.data}
          editingId={editando?.promotor?.promotor_id ?? null}
          deletingId={eliminar.isPending ? eliminar.variables.promotor_id : null}
          onEdit={(p) => abrir({ promotor: p })}
          onDelete={pedirEliminar}
        />
      )}

      {editando && (
        <PromotorModal key={editando.promotor?.promotor_id ?? 'nuevo'} promotor={editando.promotor}
                       onClose={cerrar} onSaved={guardado} />
      )}
    </section>
  );
}
