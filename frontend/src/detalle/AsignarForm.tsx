import { useState, type FormEvent } from 'react';
import { EmpleadoSelect } from './EmpleadoSelect';

const TEXTOS = {
  GESTOR: { label: 'Gestor *', placeholder: '-- Seleccionar gestor --' },
  MEDICO: { label: 'Medico *', placeholder: '-- Seleccionar medico --' },
};

/** Inline assign/change form of Blocks A and C; its title follows the button that opened it (OP-5). */
export function AsignarForm({ titulo, rol, ocupado, onConfirmar, onCancelar }: {
  titulo: string;
  rol: 'GESTOR' | 'MEDICO';
  ocupado: boolean;
  onConfirmar: (personaId: number) => void;
  onCancelar: () => void;
}) {
  const [personaId, setPersonaId] = useState('');
  function enviar(e: FormEvent) {
    e.preventDefault();
    if (personaId) onConfirmar(Number(personaId));
  }
  return (
    <form className="panel" aria-label={titulo} onSubmit={enviar}>
      <h3>{titulo}</h3>
      <EmpleadoSelect rol={rol} {...TEXTOS[rol]} value={personaId} onChange={setPersonaId} />
      <div className="btn-row">
        <button type="submit" className="btn btn-primary" disabled={!personaId || ocupado}>
          {ocupado ? 'Procesando...' : 'Confirmar'}
        </button>
        <button type="button" className="btn btn-outline" onClick={onCancelar}>Cancelar</button>
      </div>
    </form>
  );
}
