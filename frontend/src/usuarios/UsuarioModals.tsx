import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, errorMessage, fieldErrorsOf } from '../api/client';
import type { AdminUser } from '../api/types';
import { Alert } from '../shared/Feedback';
import { FieldError } from '../shared/FieldError';
import { Modal } from '../shared/Modal';
import { RolesField } from './RolesField';
import {
  editarUsuarioForm, emptyNuevoUsuario, nuevoUsuarioBody, usuarioCambios, type EditarUsuarioForm, type NuevoUsuarioForm,
} from './usuarioForm';

interface ModalProps {
  onClose: () => void;
  /** Called with the green message once the API accepted the change. */
  onDone: (mensaje: string) => void;
}

/** The error (inside the modal, OP-8) and the `Cancelar` + submit buttons closing every user form. */
function Pie({ error, busy, submit, disabled, onClose }: {
  error: ReactNode; busy: boolean; submit: string; disabled?: boolean; onClose: () => void;
}) {
  return (
    <>
      {error && <Alert kind="error">{error}</Alert>}
      <div className="btn-row">
        <button type="button" className="btn btn-outline" onClick={onClose}>Cancelar</button>
        <button type="submit" className="btn btn-primary" disabled={busy || disabled}>{submit}</button>
      </div>
    </>
  );
}

export function NuevoUsuarioModal({ onClose, onDone }: ModalProps) {
  const [form, setForm] = useState<NuevoUsuarioForm>(emptyNuevoUsuario);
  // names the select by its label alone (a wrapping label would add the chosen option to it)
  const tipoDocId = useId();
  const crear = useMutation({
    mutationFn: (f: NuevoUsuarioForm) => api.crearUsuario(nuevoUsuarioBody(f)),
    onSuccess: () => onDone('Usuario creado exitosamente'),
  });
  const errors = fieldErrorsOf(crear.error);
  const set = <K extends keyof NuevoUsuarioForm>(key: K, value: NuevoUsuarioForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    crear.mutate(form);
  }

  const input = (key: 'user_email' | 'password' | 'nombres' | 'apellidos' | 'numero_documento' | 'telefono', label: string,
    attrs: { type?: string; required?: boolean; minLength?: number; autoComplete?: string } = {}) => (
    <label className="field">
      <span>{label}</span>
      <input type={attrs.type ?? 'text'} required={attrs.required} minLength={attrs.minLength} autoComplete={attrs.autoComplete}
             value={form[key]} onChange={(e) => set(key, e.target.value)} />
      <FieldError message={errors[key]} />
    </label>
  );

  return (
    <Modal title="Nuevo Usuario" onClose={onClose}>
      <form className="usuario-form" onSubmit={submit}>
        <div className="form-grid">
          {input('user_email', 'Email *', { type: 'email', required: true, autoComplete: 'off' })}
          {input('password', 'Password *', { type: 'password', required: true, minLength: 8, autoComplete: 'new-password' })}
          {input('nombres', 'Nombres *', { required: true })}
          {input('apellidos', 'Apellidos *', { required: true })}
          <label className="field">
            <span id={tipoDocId}>Tipo Doc *</span>
            <select required aria-labelledby={tipoDocId} value={form.tipo_documento}
                    onChange={(e) => set('tipo_documento', e.target.value as NuevoUsuarioForm['tipo_documento'])}>
              <option value="DNI">DNI</option>
              <option value="CE">CE</option>
              <option value="PASAPORTE">PASAPORTE</option>
            </select>
            <FieldError message={errors.tipo_documento} />
          </label>
          {input('numero_documento', 'Numero Doc *', { required: true })}
          {input('telefono', 'Celular 1')}
          <RolesField legend="Roles *" value={form.roles} onChange={(roles) => set('roles', roles)} error={errors.roles} />
        </div>
        <Pie error={crear.isError && errorMessage(crear.error, 'Error al crear usuario')} busy={crear.isPending}
             submit={crear.isPending ? 'Guardando...' : 'Crear'} disabled={form.roles.length === 0} onClose={onClose} />
      </form>
    </Modal>
  );
}

type CampoTexto = Exclude<keyof EditarUsuarioForm, 'roles' | 'comentario'>;

export function EditarUsuarioModal({ user, onClose, onDone }: ModalProps & { user: AdminUser }) {
  const [form, setForm] = useState<EditarUsuarioForm>(() => editarUsuarioForm(user));
  const guardar = useMutation({
    mutationFn: (f: EditarUsuarioForm) => api.editarUsuario(user.user_id, usuarioCambios(user, f)),
    onSuccess: () => onDone('Usuario actualizado exitosamente'),
  });
  const errors = fieldErrorsOf(guardar.error);
  const set = <K extends keyof EditarUsuarioForm>(key: K, value: EditarUsuarioForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    guardar.mutate(form);
  }

  const input = (key: CampoTexto, label: string, type = 'text', required = false) => (
    <label className="field">
      <span>{label}</span>
      <input type={type} required={required} value={form[key]} onChange={(e) => set(key, e.target.value)} />
      <FieldError message={errors[key]} />
    </label>
  );

  return (
    <Modal title={`Editar: ${user.user_email}`} onClose={onClose}>
      <form className="usuario-form" onSubmit={submit}>
        <div className="form-grid">
          {input('nombres', 'Nombres', 'text', true)}
          {input('apellidos', 'Apellidos', 'text', true)}
          {input('telefono', 'Celular 1')}
          {input('celular_2', 'Celular 2')}
          {input('telefono_fijo', 'Telefono Fijo')}
          {input('email', 'Email Personal', 'email')}
          {input('fecha_nacimiento', 'Fecha de Nacimiento', 'date')}
          {input('direccion', 'Direccion')}
          <label className="field full">
            <span>Comentario</span>
            <textarea rows={2} value={form.comentario} onChange={(e) => set('comentario', e.target.value)} />
            <FieldError message={errors.comentario} />
          </label>
          <RolesField legend="Roles" value={form.roles} onChange={(roles) => set('roles', roles)} error={errors.roles} />
        </div>
        <Pie error={guardar.isError && errorMessage(guardar.error, 'Error al actualizar usuario')} busy={guardar.isPending}
             submit={guardar.isPending ? 'Guardando...' : 'Guardar'} onClose={onClose} />
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose, onDone }: ModalProps & { user: AdminUser }) {
  const [password, setPassword] = useState('');
  const resetear = useMutation({
    mutationFn: (nueva: string) => api.resetPassword(user.user_id, nueva),
    onSuccess: () => onDone(`Password reseteado para ${user.user_email}`),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    resetear.mutate(password);
  }

  return (
    <Modal title={`Reset Password: ${user.user_email}`} onClose={onClose}>
      <form className="usuario-form" onSubmit={submit}>
        <label className="field">
          <span>Nueva Password *</span>
          <input type="password" required minLength={8} autoComplete="new-password" aria-describedby="reset-hint"
                 value={password} onChange={(e) => setPassword(e.target.value)} />
          <small id="reset-hint" className="muted">Minimo 8 caracteres</small>
          <FieldError message={fieldErrorsOf(resetear.error).new_password} />
        </label>
        <Pie error={resetear.isError && errorMessage(resetear.error, 'Error al resetear password')} busy={resetear.isPending}
             submit={resetear.isPending ? 'Procesando...' : 'Resetear'} onClose={onClose} />
      </form>
    </Modal>
  );
}
