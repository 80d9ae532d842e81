import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, errorMessage } from '../api/client';
import { Alert } from '../shared/Feedback';
import { FieldError } from '../shared/FieldError';
import { construirSolicitud, personaVacia, promotorVacio, type SolicitudForm } from './nuevaSolicitud';
import { PersonaFieldset } from './PersonaFieldset';
import { PromotorFieldset } from './PromotorFieldset';

const formVacio = (): SolicitudForm => ({
  cliente: personaVacia(), incluirApoderado: false, apoderado: personaVacia(), opcionPromotor: 'ninguno', promotorId: '',
  promotor: promotorVacio(), servicioId: '', serviciosDisponibles: 0, comentario: '',
});

export function NuevaSolicitudPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SolicitudForm>(formVacio);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  // the pickers are optional help: a failed load leaves them empty (ui.md §7.2)
  const promotores = useQuery({ queryKey: ['promotores'], queryFn: api.promotores, retry: false });
  const servicios = useQuery({ queryKey: ['servicios'], queryFn: api.servicios, retry: false });
  const listaServicios = servicios.data ?? [];

  useEffect(() => {
    const lista = servicios.data ?? [];
    setForm((f) => ({
      ...f,
      serviciosDisponibles: lista.length,
      servicioId: f.servicioId || (lista.length === 1 ? String(lista[0].servicio_id) : ''),
    }));
  }, [servicios.data]);

  const update = (cambios: Partial<SolicitudForm>) => setForm((f) => ({ ...f, ...cambios }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    const construida = construirSolicitud(form);
    if ('error' in construida) {
      setError(construida.error);
      return;
    }
    setBusy(true);
    try {
      const creada = await api.crearSolicitud(construida.body);
      await queryClient.invalidateQueries({ queryKey: ['solicitudes'] });
      navigate(`/app/solicitudes/${creada.solicitud_id}`);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.status === 422 && Object.keys(e.fieldErrors).length > 0) {
        setError('Corrige los campos con errores.');
        setFieldErrors(e.fieldErrors);
      } else {
        setError(errorMessage(e, 'Error al crear solicitud'));
      }
      window.scrollTo({ top: 0 });
    }
  }

  return (
    <div className="narrow">
      <h1>Registrar Solicitud</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={submit} noValidate>
        <PersonaFieldset legend="Datos del Cliente *" className="fs-blue" path="cliente" value={form.cliente}
                         onChange={(cliente) => update({ cliente })} fieldErrors={fieldErrors} />
        <p>
          <label className="checkbox">
            <input type="checkbox" checked={form.incluirApoderado}
                   onChange={(e) => update({ incluirApoderado: e.target.checked })} />
            Incluir apoderado
          </label>
        </p>
        {form.incluirApoderado && (
          <PersonaFieldset legend="Datos del Apoderado" className="fs-yellow" path="apoderado" value={form.apoderado}
                           onChange={(apoderado) => update({ apoderado })} fieldErrors={fieldErrors} />
        )}
        <PromotorFieldset promotores={promotores.data ?? []} opcion={form.opcionPromotor} promotorId={form.promotorId}
                          promotor={form.promotor} fieldErrors={fieldErrors}
                          onOpcion={(opcionPromotor) => update({ opcionPromotor, promotorId: '' })}
                          onPromotorId={(promotorId) => update({ promotorId })}
                          onPromotor={(promotor) => update({ promotor })} />
        <fieldset>
          <legend>Servicio *</legend>
          <label className="field">
            <span>Seleccionar servicio</span>
            <select value={form.servicioId} onChange={(e) => update({ servicioId: e.target.value })}>
              <option value="">-- Seleccionar servicio --</option>
              {listaServicios.map((s) => (
                <option key={s.servicio_id} value={s.servicio_id}>
                  {s.descripcion_servicio} — {s.moneda_tarifa} {s.tarifa_servicio}
                </option>
              ))}
            </select>
            <FieldError message={fieldErrors.servicio_id} />
          </label>
        </fieldset>
        <label className="field">
          <span>Comentario</span>
          <textarea rows={3} value={form.comentario} onChange={(e) => update({ comentario: e.target.value })} />
          <FieldError message={fieldErrors.comentario} />
        </label>
        <div className="btn-row" style={{ marginTop: '1rem' }}>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Registrando...' : 'Registrar Solicitud'}
          </button>
          <button type="button" className="btn btn-outline" onClick={() => navigate('/app/solicitudes')}>Cancelar</button>
        </div>
      </form>
    </div>
  );
}
