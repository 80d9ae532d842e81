export type Rol = 'ADMIN' | 'OPERADOR' | 'GESTOR' | 'MEDICO';
export const ROLES: Rol[] = ['ADMIN', 'OPERADOR', 'GESTOR', 'MEDICO'];

export type EstadoOperativo =
  | 'REGISTRADO' | 'ASIGNADO_GESTOR' | 'PAGADO' | 'ASIGNADO_MEDICO' | 'CERRADO' | 'CANCELADO';
export const ESTADOS_OPERATIVOS: EstadoOperativo[] =
  ['REGISTRADO', 'ASIGNADO_GESTOR', 'PAGADO', 'ASIGNADO_MEDICO', 'CERRADO', 'CANCELADO'];

export type Accion =
  | 'EDITAR_DATOS' | 'ASIGNAR_GESTOR' | 'CAMBIAR_GESTOR' | 'REGISTRAR_PAGO' | 'ASIGNAR_MEDICO'
  | 'CAMBIAR_MEDICO' | 'CERRAR' | 'CANCELAR' | 'OVERRIDE';

export type TipoDocumento = 'DNI' | 'CE' | 'PASAPORTE' | 'RUC';
export const TIPOS_DOCUMENTO: TipoDocumento[] = ['DNI', 'CE', 'PASAPORTE', 'RUC'];
export type TipoPromotor = 'PERSONA' | 'EMPRESA' | 'OTROS';
export type TipoArchivo = 'EVIDENCIA_PAGO' | 'DOCUMENTO' | 'OTROS';
export type EstadoVerificacion = 'PENDIENTE' | 'VERIFICADO' | 'RECHAZADO';
export type Moneda = 'PEN' | 'USD';

export interface User {
  user_id: number;
  user_email: string;
  estado: 'ACTIVO' | 'SUSPENDIDO';
  roles: Rol[];
  permissions_extra: string[];
  display_name: string;
}

export interface PromotorResumen {
  promotor_id: number;
  tipo_promotor: TipoPromotor;
  nombre: string;
  ruc: string | null;
  email: string | null;
  celular: string | null;
  fuente_promotor: string | null;
}

export interface ClienteResumen {
  persona_id: number;
  tipo_documento: TipoDocumento;
  numero_documento: string;
  doc: string;
  nombre: string;
  celular: string | null;
}

export interface SolicitudListItem {
  solicitud_id: number;
  codigo: string | null;
  cliente: ClienteResumen;
  apoderado: { persona_id: number; tipo_documento: string; numero_documento: string; nombres: string; apellidos: string } | null;
  estado_operativo: EstadoOperativo;
  gestor: string | null;
  medico: string | null;
  promotor: PromotorResumen | null;
  operador: string | null;
  created_at: string;
}

export interface ListMeta { page: number; page_size: number; total: number }

export interface Asignacion { persona_id: number; nombre: string; rol: Rol }

export interface Pago {
  pago_id: number;
  canal_pago: string;
  fecha_pago: string;
  monto: string;
  moneda: Moneda;
  referencia_transaccion: string | null;
  comentario: string | null;
  validated_at: string | null;
}

export interface ArchivoItem {
  id: number;
  archivo_id: number;
  pago_id: number | null;
  nombre: string | null;
  tipo: TipoArchivo;
  mime_type: string | null;
  tamano_bytes: number | null;
  estado_verificacion: EstadoVerificacion;
  sha256: string | null;
}

export interface HistorialItem {
  historial_id: number;
  campo: string;
  valor_anterior: string | null;
  valor_nuevo: string | null;
  cambiado_por: number | null;
  usuario_nombre: string | null;
  cambiado_en: string;
  comentario: string | null;
}

export interface SolicitudDetail {
  solicitud_id: number;
  codigo: string | null;
  cliente: ClienteResumen & { email: string | null; fecha_nacimiento: string | null; direccion: string | null };
  apoderado: {
    persona_id: number; tipo_documento: string; numero_documento: string; nombres: string; apellidos: string;
    celular_1: string | null; email: string | null; fecha_nacimiento: string | null; direccion: string | null;
  } | null;
  servicio: { servicio_id: number; descripcion: string; tarifa: string; moneda: Moneda } | null;
  estado_atencion: 'REGISTRADO' | 'EN_PROCESO' | 'ATENDIDO' | 'OBSERVADO' | 'CANCELADO';
  estado_pago: 'PENDIENTE' | 'PAGADO' | 'OBSERVADO';
  estado_certificado: 'APROBADO' | 'OBSERVADO' | null;
  tarifa_monto: string | null;
  tarifa_moneda: Moneda | null;
  tipo_atencion: 'VIRTUAL' | 'PRESENCIAL' | null;
  lugar_atencion: string | null;
  comentario: string | null;
  estado_operativo: EstadoOperativo;
  acciones_permitidas: Accion[];
  asignaciones_vigentes: { GESTOR: Asignacion | null; MEDICO: Asignacion | null };
  promotor: PromotorResumen | null;
  pagos: Pago[];
  archivos: ArchivoItem[];
  historial: HistorialItem[];
  motivo_cancelacion: string | null;
  fecha_cierre: string | null;
  cerrado_por: number | null;
  fecha_cancelacion: string | null;
  cancelado_por: number | null;
  comentario_admin: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface PersonaInput {
  tipo_documento: TipoDocumento;
  numero_documento: string;
  nombres: string;
  apellidos: string;
  celular?: string;
  email?: string;
  fecha_nacimiento?: string;
  direccion?: string;
}

export interface PromotorInput {
  tipo_promotor: TipoPromotor;
  tipo_documento?: string;
  numero_documento?: string;
  nombres?: string;
  apellidos?: string;
  razon_social?: string;
  nombre_promotor_otros?: string;
  ruc?: string;
  email?: string;
  celular_1?: string;
  fuente_promotor?: string;
  comentario?: string;
}

export interface NuevaSolicitud {
  cliente: PersonaInput;
  apoderado?: PersonaInput;
  promotor?: PromotorInput;
  promotor_id?: number;
  servicio_id?: number;
  comentario?: string;
}

export interface Promotor {
  promotor_id: number;
  tipo_promotor: TipoPromotor;
  nombre: string;
  razon_social: string | null;
  nombre_promotor_otros: string | null;
  ruc: string | null;
  email: string | null;
  celular_1: string | null;
  fuente_promotor: string | null;
  comentario: string | null;
  persona_id: number | null;
  persona_nombres: string | null;
  persona_apellidos: string | null;
  persona_tipo_documento: string | null;
  persona_numero_documento: string | null;
}

export interface Empleado { persona_id: number; nombre: string; rol: Rol }

export interface Servicio {
  servicio_id: number;
  descripcion_servicio: string;
  tarifa_servicio: string;
  moneda_tarifa: Moneda;
}

export interface AdminUser {
  user_id: number;
  user_email: string;
  is_active: boolean;
  persona_id: number;
  nombres: string;
  apellidos: string;
  tipo_documento: string | null;
  numero_documento: string | null;
  telefono: string | null;
  email: string | null;
  celular_2: string | null;
  telefono_fijo: string | null;
  fecha_nacimiento: string | null;
  direccion: string | null;
  comentario: string | null;
  roles: Rol[];
  created_at: string;
}

export interface NuevoUsuario {
  user_email: string;
  password: string;
  nombres: string;
  apellidos: string;
  tipo_documento: 'DNI' | 'CE' | 'PASAPORTE';
  numero_documento: string;
  telefono?: string;
  roles: Rol[];
}

export type UsuarioCambios = Partial<{
  nombres: string; apellidos: string; telefono: string; email: string; celular_2: string;
  telefono_fijo: string; fecha_nacimiento: string; direccion: string; comentario: string;
  roles: Rol[]; is_active: boolean;
}>;

/** Role → estado_operativo → allowed action codes, as the server's policy file says. */
export type Permisos = Record<string, Record<string, string[]>>;

export type Agrupacion = 'mensual' | 'semanal';

export interface ReporteFiltros {
  desde: string;
  hasta: string;
  estado: EstadoOperativo | '';
  agrupacion: Agrupacion;
}

export interface RankingEquipoItem {
  persona_id: number;
  nombre: string;
  solicitudes: number;
  cerradas: number;
  ultima_actividad: string | null;
}

export interface Reporte {
  actualizado_en: string | null;
  kpis: {
    solicitudes: number; cerradas: number; ingresos: number; ticket_promedio: number;
    ingresos_por_moneda: Record<Moneda, number>;
  };
  series: { periodo: string; solicitudes: number; ingresos: number }[];
  distribucion: { estado: EstadoOperativo; cantidad: number }[];
  ranking_promotores: { promotor_id: number; nombre: string; clientes: number; solicitudes: number; porcentaje: number }[];
  ranking_equipo: { gestores: RankingEquipoItem[]; medicos: RankingEquipoItem[]; operadores: RankingEquipoItem[] };
}
