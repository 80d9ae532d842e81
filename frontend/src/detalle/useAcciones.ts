import { useCallback, useMemo, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SolicitudDetail } from '../api/types';
import { accionErrorMessage, esConflicto } from './accionError';
import { cambiados } from './formularios';

/** The page's inline forms: only one is open at a time (ui.md §7.3). */
export type FormAbierto = 'datos' | 'tipoLugar' | 'gestor' | 'pago' | 'medico' | 'cerrar' | 'cancelar';

/** The lists' queries (`['solicitudes', …]`): a change here makes their copies stale. */
const LISTAS: QueryKey = ['solicitudes'];

/** What is running, so that its own button shows the progress label and the others wait. */
export type Tarea = 'form' | 'certificado' | 'eliminar' | 'override' | `archivo-${number}`;

export interface Acciones {
  abierto: FormAbierto | null;
  /** Opening a form unmounts any other, so each opens with its default values. */
  abrir: (form: FormAbierto) => void;
  cerrar: () => void;
  enCurso: Tarea | null;
  error: string | null;
  /** Runs one action: clears the alert first; on failure shows §7.13's text (and re-fetches on 409). */
  ejecutar: (tarea: Tarea, accion: () => Promise<void>) => Promise<boolean>;
  /** Runs an action answering the fresh detail, which replaces the page's copy; a form's own action closes it. */
  aplicar: (tarea: Tarea, accion: () => Promise<SolicitudDetail>) => Promise<boolean>;
  /** Re-fetches the detail (after uploads and file deletions, which answer no detail). */
  recargar: () => Promise<void>;
}

export function useAcciones(queryKey: QueryKey): Acciones {
  const queryClient = useQueryClient();
  const [abierto, setAbierto] = useState<FormAbierto | null>(null);
  const [enCurso, setEnCurso] = useState<Tarea | null>(null);
  const [error, setError] = useState<string | null>(null);

  const recargar = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey, exact: true });
    void queryClient.invalidateQueries({ queryKey: LISTAS });
  }, [queryClient, queryKey]);

  const ejecutar = useCallback(async (tarea: Tarea, accion: () => Promise<void>) => {
    setError(null);
    setEnCurso(tarea);
    try {
      await accion();
      return true;
    } catch (e) {
      setError(accionErrorMessage(e));
      if (esConflicto(e)) void recargar();
      return false;
    } finally {
      setEnCurso(null);
    }
  }, [recargar]);

  const aplicar = useCallback((tarea: Tarea, accion: () => Promise<SolicitudDetail>) => ejecutar(tarea, async () => {
    queryClient.setQueryData(queryKey, await accion());
    void queryClient.invalidateQueries({ queryKey: LISTAS });
    if (tarea === 'form') setAbierto(null);
  }), [ejecutar, queryClient, queryKey]);

  const abrir = useCallback((form: FormAbierto) => setAbierto(form), []);
  const cerrar = useCallback(() => setAbierto(null), []);

  return useMemo(() => ({ abierto, abrir, cerrar, enCurso, error, ejecutar, aplicar, recargar }),
    [abierto, abrir, cerrar, enCurso, error, ejecutar, aplicar, recargar]);
}

/** An edit form's save: PATCH only the fields that changed; with none changed the form just closes (ui.md §7.6, §7.8). */
export function guardarCambios<K extends string>(acc: Acciones, solicitudId: number, inicial: Record<K, string>,
                                                 valores: Record<K, string>): void {
  const cambios = cambiados(inicial, valores);
  if (Object.keys(cambios).length === 0) {
    acc.cerrar();
    return;
  }
  void acc.aplicar('form', () => api.editarSolicitud(solicitudId, cambios));
}
