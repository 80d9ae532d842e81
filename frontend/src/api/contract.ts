/**
 * The app's API types held to the server's published contract (docs/openapi.json, docs/contract.md). schema.d.ts is
 * generated from that file by `npm run gen:api` before every type check, so a change on either side that breaks the
 * other fails `npm run build` and `npm test`: what the server sends must fit what the app reads, and what the app
 * sends must fit what the server accepts.
 */
import type { components, paths } from './schema';
import type {
  Accion, AdminUser, ArchivoItem, Asignacion, ClienteResumen, Empleado, EstadoOperativo, EstadoVerificacion,
  HistorialItem, ListMeta, Moneda, NuevaSolicitud, NuevoUsuario, Pago, Permisos, PersonaInput, Promotor,
  PromotorInput, PromotorResumen, RankingEquipoItem, Reporte, Rol, Servicio, SolicitudDetail, SolicitudListItem,
  TipoArchivo, TipoDocumento, TipoPromotor, User, UsuarioCambios,
} from './types';

type Schemas = components['schemas'];
type Json<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body : never;

/** True when every value of A is a value of B. */
type Fits<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = Fits<A, B> extends true ? Fits<B, A> : false;
type Holds<T extends true> = T;

/** The server's answers, read by the app. */
export type Responses = [
  Holds<Fits<Schemas['UserDto'], User>>,
  Holds<Fits<Schemas['PromotorSummary'], PromotorResumen>>,
  Holds<Fits<Schemas['SolicitudListItemCliente'], ClienteResumen>>,
  Holds<Fits<Schemas['SolicitudListItem'], SolicitudListItem>>,
  Holds<Fits<Json<paths['/solicitudes']['get']>['meta'], ListMeta>>,
  Holds<Fits<Schemas['SolicitudDetailAsignacion'], Asignacion>>,
  Holds<Fits<Schemas['SolicitudDetailPago'], Pago>>,
  Holds<Fits<Schemas['SolicitudDetailArchivo'], ArchivoItem>>,
  Holds<Fits<Schemas['SolicitudDetailHistorial'], HistorialItem>>,
  Holds<Fits<Schemas['SolicitudDetail'], SolicitudDetail>>,
  Holds<Fits<Schemas['SolicitudCreada'], { solicitud_id: number; codigo: string }>>,
  Holds<Fits<Schemas['ArchivoSubido'], { archivo_id: number }>>,
  Holds<Fits<Schemas['PromotorItem'], Promotor>>,
  Holds<Fits<Schemas['EmpleadoItem'], Empleado>>,
  Holds<Fits<Schemas['ServicioItem'], Servicio>>,
  Holds<Fits<Schemas['AdminUserDto'], AdminUser>>,
  Holds<Fits<Json<paths['/admin/permisos']['get']>['data'], Permisos>>,
  Holds<Fits<Schemas['ReporteMiembroItem'], RankingEquipoItem>>,
  Holds<Fits<Schemas['Reporte'], Reporte>>,
];

/** The app's requests, read by the server. */
export type Requests = [
  Holds<Fits<PersonaInput, Schemas['PersonaBody']>>,
  Holds<Fits<PromotorInput, Schemas['PromotorBody']>>,
  Holds<Fits<Partial<PromotorInput>, Schemas['PromotorPatchBody']>>,
  Holds<Fits<NuevaSolicitud, Schemas['RegistroBody']>>,
  Holds<Fits<NuevoUsuario, Schemas['NuevoUsuarioBody']>>,
  Holds<Fits<UsuarioCambios, Schemas['UsuarioPatchBody']>>,
];

/** The enums both sides name. */
export type Enums = [
  Holds<Same<Schemas['EstadoOperativo'], EstadoOperativo>>,
  Holds<Same<Schemas['Accion'], Accion>>,
  Holds<Same<Schemas['Rol'], Rol>>,
  Holds<Same<Schemas['TipoDocumento'], TipoDocumento>>,
  Holds<Same<Schemas['TipoPromotor'], TipoPromotor>>,
  Holds<Same<Schemas['TipoArchivo'], TipoArchivo>>,
  Holds<Same<Schemas['EstadoVerificacion'], EstadoVerificacion>>,
  Holds<Same<Schemas['Moneda'], Moneda>>,
];
