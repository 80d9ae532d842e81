import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Empleado } from '../api/types';

/** The active employees of a role, fetched each time the picker mounts; a failed call leaves it empty (ui.md §7.8). */
export function EmpleadoSelect({ rol, label, placeholder, value, onChange }: {
  rol: 'GESTOR' | 'MEDICO';
  label: string;
  placeholder: string;
  value: string;
  onChange: (personaId: string) => void;
}) {
  const [empleados, setEmpleados] = useState<Empleado[]>([]);
  useEffect(() => {
    let activo = true;
    api.empleados(rol).then((lista) => activo && setEmpleados(lista), () => activo && setEmpleados([]));
    return () => { activo = false; };
  }, [rol]);
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} required>
        <option value="">{placeholder}</option>
        {empleados.map((e) => <option key={e.persona_id} value={e.persona_id}>{e.nombre}</option>)}
      </select>
    </label>
  );
}
