import { useState, type FormEvent } from 'react';
import type { SolicitudDetail } from '../api/types';
import { datosIniciales, type DatosCampo, type DatosForm } from './formularios';
import { GuardarCancelar } from './GuardarCancelar';
import { guardarCambios, type Acciones } from './useAcciones';

interface Campo { key: DatosCampo; label: string; type?: 'date' | 'email'; placeholder?: string }

/** The `Editar datos` panel (ui.md §7.6): PATCH with only the changed fields. */
export function EditarDatosForm({ d, acc }: { d: SolicitudDetail; acc: Acciones }) {
  const [inicial] = useState(() => datosIniciales(d));
  const [valores, setValores] = useState<DatosForm>(inicial);
  const ocupado = acc.enCurso === 'form';

  const cliente: Campo[] = [
    { key: 'cliente_nombres', label: 'Nombres del cliente', placeholder: d.cliente.nombre },
    { key: 'cliente_apellidos', label: 'Apellidos del cliente' },
    { key: 'cliente_celular', label: 'Celular del cliente' },
    { key: 'cliente_email', label: 'Email del cliente', type: 'email', placeholder: 'correo@ejemplo.com' },
    { key: 'cliente_fecha_nacimiento', label: 'Fecha nacimiento del cliente', type: 'date' },
    { key: 'cliente_direccion', label: 'Direccion del cliente' },
  ];
  const apoderado: Campo[] = d.apoderado ? [
    { key: 'apoderado_nombres', label: 'Nombres del apoderado', placeholder: d.apoderado.nombres },
    { key: 'apoderado_apellidos', label: 'Apellidos del apoderado', placeholder: d.apoderado.apellidos },
    { key: 'apoderado_celular', label: 'Celular del apoderado' },
    { key: 'apoderado_email', label: 'Email del apoderado', type: 'email' },
    { key: 'apoderado_fecha_nacimiento', label: 'Fecha nacimiento del apoderado', type: 'date' },
    { key: 'apoderado_direccion', label: 'Direccion del apoderado' },
  ] : [];

  function enviar(e: FormEvent) {
    e.preventDefault();
    guardarCambios(acc, d.solicitud_id, inicial, valores);
  }

  const input = (c: Campo) => (
    <label className="field" key={c.key}>
      <span>{c.label}</span>
      <input type={c.type ?? 'text'} value={valores[c.key]} placeholder={c.placeholder}
             onChange={(e) => setValores({ ...valores, [c.key]: e.target.value })} />
    </label>
  );

  return (
    <form className="panel" aria-label="Editar datos" onSubmit={enviar}>
      <h3>Editar datos</h3>
      <p className="small muted">Deje en blanco los campos que no desea modificar.</p>
      <div className="form-grid">{cliente.map(input)}</div>
      {apoderado.length > 0 && (
        <>
          <h4>Apoderado</h4>
          <div className="form-grid">{apoderado.map(input)}</div>
        </>
      )}
      <label className="field comentario-field">
        <span>Comentario</span>
        <textarea rows={3} value={valores.comentario} onChange={(e) => setValores({ ...valores, comentario: e.target.value })} />
      </label>
      <GuardarCancelar ocupado={ocupado} onCancelar={acc.cerrar} />
    </form>
  );
}
