import { useState, type FormEvent } from 'react';

/** The cancel and close panels: a note, one optional text and a confirm button. */
export function ComentarioForm({ titulo, nota, label, placeholder, confirmar, className, ocupado, onConfirmar, onCancelar }: {
  titulo: string;
  nota: string;
  label: string;
  placeholder?: string;
  confirmar: string;
  className: string;
  ocupado: boolean;
  onConfirmar: (texto: string) => void;
  onCancelar: () => void;
}) {
  const [texto, setTexto] = useState('');
  function enviar(e: FormEvent) {
    e.preventDefault();
    onConfirmar(texto);
  }
  return (
    <form className="panel" aria-label={titulo} onSubmit={enviar}>
      <h3>{titulo}</h3>
      <p className="small">{nota}</p>
      <label className="field">
        <span>{label}</span>
        <input type="text" value={texto} placeholder={placeholder} onChange={(e) => setTexto(e.target.value)} />
      </label>
      <div className="btn-row">
        <button type="submit" className={`btn ${className}`} disabled={ocupado}>{ocupado ? 'Procesando...' : confirmar}</button>
        <button type="button" className="btn btn-outline" onClick={onCancelar}>Cancelar</button>
      </div>
    </form>
  );
}
