package pe.cmep.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import pe.cmep.localstack.TestBackend;
import pe.cmep.localstack.TestBackends;
import pe.cmep.localstack.UsesTestBackend;

/**
 * Runs the Flyway migrations of {@code db/migration} on an empty database of the test backend
 * (the embedded MariaDB, or MySQL 8 with {@code -Dcmep.test.backend=localstack}) and checks the resulting schema against domain.md §2 (tables, columns, keys,
 * enumerations) and the event/login-throttling tables of V2.
 *
 * <p>Everything is read from {@code information_schema} with queries that MySQL 8 answers the
 * same way, and the enumeration CHECKs are exercised with real inserts inside a transaction
 * that is rolled back.
 */
@UsesTestBackend
class MigrationsIT {

    private static final String DATABASE = "cmep_migrations_test";

    /** domain.md §2.2, in creation order. */
    private static final List<String> DOMAIN_TABLES = List.of(
            "personas", "clientes", "cliente_apoderado", "promotores", "empleado", "medico_extra",
            "users", "user_role", "user_permissions", "sessions", "password_resets", "servicios",
            "solicitud_cmep", "solicitud_asignacion", "solicitud_estado_historial", "pago_solicitud",
            "archivos", "solicitud_archivo", "resultado_medico");

    /** V2: outbox, consumer idempotency, shared login-failure counters. */
    private static final List<String> EVENT_TABLES = List.of("outbox_event", "processed_event", "login_failure");

    /** V5 and V9: the report read model kept by the workflow-worker. */
    private static final List<String> REPORT_TABLES = List.of("reporte_solicitud", "reporte_pago", "reporte_estado",
            "reporte_dia", "reporte_pago_dia", "reporte_pago_dia_solicitud", "reporte_promotor_dia",
            "reporte_equipo_dia");

    /** V6: the lock rows a login attempt is counted under. */
    private static final List<String> THROTTLE_TABLES = List.of("login_attempt_lock");

    /** V8: the solicitud list's counters per estado_operativo. */
    private static final List<String> COUNTER_TABLES = List.of("solicitud_conteo");

    /**
     * Every column: {@code table column type null|notnull default [ai|onupdate]}. Types use the
     * MySQL 8 spelling (no display width except tinyint(1)); default {@code -} means none.
     */
    private static final String EXPECTED_COLUMNS = """
            personas persona_id int notnull - ai
            personas tipo_documento enum('DNI','CE','PASAPORTE','RUC') null NULL
            personas numero_documento varchar(30) null NULL
            personas nombres varchar(150) notnull -
            personas apellidos varchar(150) notnull -
            personas fecha_nacimiento date null NULL
            personas email varchar(255) null NULL
            personas celular_1 varchar(20) null NULL
            personas celular_2 varchar(20) null NULL
            personas telefono_fijo varchar(20) null NULL
            personas direccion varchar(500) null NULL
            personas comentario text null NULL
            personas +A
            clientes persona_id int notnull -
            clientes estado varchar(10) notnull ACTIVO
            clientes promotor_id int null NULL
            clientes comentario text null NULL
            clientes +A
            cliente_apoderado id int notnull - ai
            cliente_apoderado cliente_id int notnull -
            cliente_apoderado apoderado_id int notnull -
            cliente_apoderado estado varchar(8) notnull ACTIVO
            cliente_apoderado +A
            promotores promotor_id int notnull - ai
            promotores tipo_promotor varchar(7) notnull -
            promotores fuente_promotor varchar(255) null NULL
            promotores persona_id int null NULL
            promotores razon_social varchar(255) null NULL
            promotores nombre_promotor_otros varchar(255) null NULL
            promotores ruc varchar(20) null NULL
            promotores email varchar(255) null NULL
            promotores celular_1 varchar(20) null NULL
            promotores comentario text null NULL
            promotores tarifa decimal(12,2) null NULL
            promotores +A
            empleado empleado_id int notnull - ai
            empleado persona_id int notnull -
            empleado rol_empleado varchar(8) notnull -
            empleado estado_empleado varchar(10) notnull ACTIVO
            empleado tipo_empleado varchar(100) null NULL
            empleado tarifa_empleado decimal(12,2) null NULL
            empleado comentario text null NULL
            empleado +A
            medico_extra persona_id int notnull -
            medico_extra tipo_medico varchar(100) null NULL
            medico_extra cmp varchar(20) null NULL
            medico_extra especialidad varchar(150) null NULL
            medico_extra comentario text null NULL
            medico_extra +A
            users user_id int notnull - ai
            users persona_id int notnull -
            users password_hash varchar(255) notnull -
            users user_email varchar(255) notnull -
            users estado enum('ACTIVO','SUSPENDIDO') notnull ACTIVO
            users last_login_at datetime null NULL
            users comentario text null NULL
            users +A
            user_role user_id int notnull -
            user_role user_role enum('ADMIN','OPERADOR','GESTOR','MEDICO') notnull -
            user_role +A
            user_permissions id int notnull - ai
            user_permissions user_id int notnull -
            user_permissions permission_code varchar(100) notnull -
            user_permissions +A
            sessions session_id varchar(64) notnull -
            sessions user_id int notnull -
            sessions created_at datetime notnull CURRENT_TIMESTAMP
            sessions expires_at datetime notnull -
            sessions last_seen_at datetime null NULL
            password_resets reset_id int notnull - ai
            password_resets user_id int notnull -
            password_resets token_hash varchar(255) notnull -
            password_resets expires_at datetime notnull -
            password_resets used_at datetime null NULL
            password_resets created_by int null NULL
            password_resets created_at datetime notnull CURRENT_TIMESTAMP
            servicios servicio_id int notnull - ai
            servicios descripcion_servicio varchar(255) notnull -
            servicios caracteristicas_servicio text null NULL
            servicios tarifa_servicio decimal(12,2) notnull -
            servicios moneda_tarifa varchar(3) notnull PEN
            servicios +A
            solicitud_cmep solicitud_id int notnull - ai
            solicitud_cmep codigo varchar(20) null NULL
            solicitud_cmep cliente_id int notnull -
            solicitud_cmep apoderado_id int null NULL
            solicitud_cmep servicio_id int null NULL
            solicitud_cmep promotor_id int null NULL
            solicitud_cmep estado_atencion varchar(10) notnull REGISTRADO
            solicitud_cmep estado_pago varchar(9) notnull PENDIENTE
            solicitud_cmep estado_certificado varchar(9) null NULL
            solicitud_cmep estado_operativo varchar(15) notnull REGISTRADO
            solicitud_cmep gestor_persona_id int null NULL
            solicitud_cmep medico_persona_id int null NULL
            solicitud_cmep tarifa_monto decimal(12,2) null NULL
            solicitud_cmep tarifa_moneda varchar(3) null NULL
            solicitud_cmep tarifa_fuente varchar(8) null NULL
            solicitud_cmep tipo_atencion varchar(20) null NULL
            solicitud_cmep lugar_atencion varchar(255) null NULL
            solicitud_cmep comentario text null NULL
            solicitud_cmep motivo_cancelacion text null NULL
            solicitud_cmep fecha_cierre datetime null NULL
            solicitud_cmep cerrado_por int null NULL
            solicitud_cmep fecha_cancelacion datetime null NULL
            solicitud_cmep cancelado_por int null NULL
            solicitud_cmep comentario_admin text null NULL
            solicitud_cmep +A
            solicitud_asignacion asignacion_id int notnull - ai
            solicitud_asignacion solicitud_id int notnull -
            solicitud_asignacion persona_id int notnull -
            solicitud_asignacion rol varchar(8) notnull -
            solicitud_asignacion es_vigente tinyint(1) notnull 1
            solicitud_asignacion asignado_por int null NULL
            solicitud_asignacion fecha_asignacion datetime notnull CURRENT_TIMESTAMP
            solicitud_asignacion +A
            solicitud_estado_historial historial_id int notnull - ai
            solicitud_estado_historial solicitud_id int notnull -
            solicitud_estado_historial campo varchar(100) notnull -
            solicitud_estado_historial valor_anterior text null NULL
            solicitud_estado_historial valor_nuevo text null NULL
            solicitud_estado_historial cambiado_por int null NULL
            solicitud_estado_historial cambiado_en datetime notnull CURRENT_TIMESTAMP
            solicitud_estado_historial comentario text null NULL
            pago_solicitud pago_id int notnull - ai
            pago_solicitud solicitud_id int notnull -
            pago_solicitud canal_pago varchar(50) null NULL
            pago_solicitud fecha_pago date null NULL
            pago_solicitud monto decimal(12,2) notnull -
            pago_solicitud moneda varchar(3) notnull PEN
            pago_solicitud referencia_transaccion varchar(255) null NULL
            pago_solicitud comentario text null NULL
            pago_solicitud validated_by int null NULL
            pago_solicitud validated_at datetime null NULL
            pago_solicitud +A
            archivos archivo_id int notnull - ai
            archivos nombre_original varchar(255) notnull -
            archivos nombre_storage varchar(255) notnull -
            archivos tipo varchar(14) notnull -
            archivos mime_type varchar(100) null NULL
            archivos tamano_bytes int null NULL
            archivos storage_path varchar(500) notnull -
            archivos estado_verificacion varchar(10) notnull PENDIENTE
            archivos sha256 char(64) null NULL
            archivos motivo_rechazo text null NULL
            archivos +A
            solicitud_archivo id int notnull - ai
            solicitud_archivo solicitud_id int notnull -
            solicitud_archivo archivo_id int notnull -
            solicitud_archivo pago_id int null NULL
            solicitud_archivo created_by int null NULL
            solicitud_archivo created_at datetime notnull CURRENT_TIMESTAMP
            resultado_medico resultado_id int notnull - ai
            resultado_medico solicitud_id int notnull -
            resultado_medico medico_id int notnull -
            resultado_medico fecha_evaluacion date null NULL
            resultado_medico diagnostico text null NULL
            resultado_medico resultado varchar(50) null NULL
            resultado_medico observaciones text null NULL
            resultado_medico recomendaciones text null NULL
            resultado_medico estado_certificado varchar(9) null NULL
            resultado_medico created_by int null NULL
            resultado_medico created_at datetime notnull CURRENT_TIMESTAMP
            resultado_medico updated_at datetime null CURRENT_TIMESTAMP onupdate
            outbox_event outbox_id bigint notnull - ai
            outbox_event event_id char(36) notnull -
            outbox_event event_type varchar(100) notnull -
            outbox_event event_version int notnull -
            outbox_event queue_role varchar(30) notnull solicitud-events
            outbox_event solicitud_id int notnull -
            outbox_event payload mediumtext notnull -
            outbox_event occurred_at datetime notnull -
            outbox_event published_at datetime null NULL
            outbox_event attempts int notnull 0
            outbox_event last_error varchar(1000) null NULL
            processed_event consumer varchar(50) notnull -
            processed_event event_id char(36) notnull -
            processed_event processed_at datetime notnull -
            processed_event seq bigint notnull - ai
            login_failure id bigint notnull - ai
            login_failure scope varchar(7) notnull -
            login_failure scope_key varchar(255) notnull -
            login_failure failed_at datetime notnull -
            login_attempt_lock scope varchar(7) notnull -
            login_attempt_lock scope_key varchar(255) notnull -
            reporte_solicitud creado_en datetime notnull -
            reporte_solicitud solicitud_id int notnull -
            reporte_solicitud creado_por int null NULL
            reporte_solicitud cliente_id int notnull -
            reporte_solicitud promotor_id int null NULL
            reporte_solicitud estado_atencion varchar(10) notnull -
            reporte_solicitud estado_operativo varchar(15) notnull -
            reporte_solicitud gestor_persona_id int null NULL
            reporte_solicitud medico_persona_id int null NULL
            reporte_solicitud actualizado_en datetime notnull -
            reporte_pago fecha_pago date notnull -
            reporte_pago pago_id int notnull -
            reporte_pago solicitud_id int notnull -
            reporte_pago moneda varchar(3) notnull -
            reporte_pago monto decimal(12,2) notnull -
            reporte_estado particion int notnull -
            reporte_estado actualizado_en datetime notnull -
            reporte_estado eventos_aplicados bigint notnull 0
            reporte_estado reconstruido_en datetime null NULL
            reporte_dia dia date notnull -
            reporte_dia estado_operativo varchar(15) notnull -
            reporte_dia solicitudes int notnull -
            reporte_pago_dia fecha_pago date notnull -
            reporte_pago_dia moneda varchar(3) notnull -
            reporte_pago_dia pagos int notnull -
            reporte_pago_dia monto decimal(16,2) notnull -
            reporte_pago_dia_solicitud fecha_pago date notnull -
            reporte_pago_dia_solicitud dias_desde_anterior int notnull -
            reporte_pago_dia_solicitud solicitudes int notnull -
            reporte_promotor_dia dia date notnull -
            reporte_promotor_dia promotor_id int notnull -
            reporte_promotor_dia dias_desde_anterior int notnull -
            reporte_promotor_dia clientes int notnull -
            reporte_promotor_dia solicitudes int notnull -
            reporte_equipo_dia rol varchar(8) notnull -
            reporte_equipo_dia dia date notnull -
            reporte_equipo_dia miembro_id int notnull -
            reporte_equipo_dia solicitudes int notnull -
            reporte_equipo_dia cerradas int notnull -
            solicitud_conteo estado_operativo varchar(15) notnull -
            solicitud_conteo slot int notnull -
            solicitud_conteo n bigint notnull 0
            """;

    /** Audit block A of domain.md §2. */
    private static final List<String> AUDIT_BLOCK = List.of(
            "created_by int null NULL",
            "updated_by int null NULL",
            "created_at datetime notnull CURRENT_TIMESTAMP",
            "updated_at datetime null CURRENT_TIMESTAMP onupdate");

    private static final Map<String, List<String>> EXPECTED_PRIMARY_KEYS = Map.ofEntries(
            Map.entry("personas", List.of("persona_id")),
            Map.entry("clientes", List.of("persona_id")),
            Map.entry("cliente_apoderado", List.of("id")),
            Map.entry("promotores", List.of("promotor_id")),
            Map.entry("empleado", List.of("empleado_id")),
            Map.entry("medico_extra", List.of("persona_id")),
            Map.entry("users", List.of("user_id")),
            Map.entry("user_role", List.of("user_id", "user_role")),
            Map.entry("user_permissions", List.of("id")),
            Map.entry("sessions", List.of("session_id")),
            Map.entry("password_resets", List.of("reset_id")),
            Map.entry("servicios", List.of("servicio_id")),
            Map.entry("solicitud_cmep", List.of("solicitud_id")),
            Map.entry("solicitud_asignacion", List.of("asignacion_id")),
            Map.entry("solicitud_estado_historial", List.of("historial_id")),
            Map.entry("pago_solicitud", List.of("pago_id")),
            Map.entry("archivos", List.of("archivo_id")),
            Map.entry("solicitud_archivo", List.of("id")),
            Map.entry("resultado_medico", List.of("resultado_id")),
            Map.entry("outbox_event", List.of("outbox_id")),
            Map.entry("processed_event", List.of("consumer", "event_id")),
            Map.entry("login_failure", List.of("id")),
            Map.entry("login_attempt_lock", List.of("scope", "scope_key")),
            Map.entry("solicitud_conteo", List.of("estado_operativo", "slot")),
            Map.entry("reporte_solicitud", List.of("creado_en", "solicitud_id")),
            Map.entry("reporte_pago", List.of("fecha_pago", "pago_id")),
            Map.entry("reporte_estado", List.of("particion")),
            Map.entry("reporte_dia", List.of("dia", "estado_operativo")),
            Map.entry("reporte_pago_dia", List.of("fecha_pago", "moneda")),
            Map.entry("reporte_pago_dia_solicitud", List.of("fecha_pago", "dias_desde_anterior")),
            Map.entry("reporte_promotor_dia", List.of("dia", "promotor_id", "dias_desde_anterior")),
            Map.entry("reporte_equipo_dia", List.of("rol", "dia", "miembro_id")));

    /** Unique keys (besides primary keys): name -> table(columns in order). */
    private static final Map<String, String> EXPECTED_UNIQUE_KEYS = Map.ofEntries(
            Map.entry("uq_persona_documento", "personas(tipo_documento,numero_documento)"),
            Map.entry("uq_cliente_apoderado", "cliente_apoderado(cliente_id,apoderado_id)"),
            Map.entry("uq_empleado_persona_rol", "empleado(persona_id,rol_empleado)"),
            Map.entry("uq_users_persona", "users(persona_id)"),
            Map.entry("uq_users_email", "users(user_email)"),
            Map.entry("uq_user_role", "user_role(user_id,user_role)"),
            Map.entry("uq_user_permission", "user_permissions(user_id,permission_code)"),
            Map.entry("uq_solicitud_codigo", "solicitud_cmep(codigo)"),
            Map.entry("uq_outbox_event_id", "outbox_event(event_id)"),
            Map.entry("uq_processed_event_seq", "processed_event(seq)"),
            Map.entry("uq_reporte_solicitud_id", "reporte_solicitud(solicitud_id)"),
            Map.entry("uq_reporte_pago_id", "reporte_pago(pago_id)"));

    /** The non-unique indexes the migrations declare (InnoDB adds its own per FK column). */
    private static final Map<String, String> EXPECTED_EXTRA_INDEXES = Map.ofEntries(
            Map.entry("ix_sessions_expires_at", "sessions(expires_at)"),
            Map.entry("ix_solicitud_cmep_created_at", "solicitud_cmep(created_at)"),
            Map.entry("ix_pago_solicitud_fecha_pago", "pago_solicitud(fecha_pago)"),
            Map.entry("ix_solicitud_asignacion_solicitud_rol_vigente", "solicitud_asignacion(solicitud_id,rol,es_vigente)"),
            Map.entry("ix_solicitud_estado_historial_solicitud_cambiado_en", "solicitud_estado_historial(solicitud_id,cambiado_en)"),
            Map.entry("ix_outbox_pending", "outbox_event(published_at,outbox_id)"),
            Map.entry("ix_outbox_solicitud_pending", "outbox_event(solicitud_id,published_at,outbox_id)"),
            Map.entry("ix_login_failure_lookup", "login_failure(scope,scope_key,failed_at)"),
            Map.entry("ix_processed_event_age", "processed_event(consumer,processed_at)"),
            Map.entry("ix_reporte_pago_solicitud", "reporte_pago(solicitud_id)"),
            Map.entry("ix_solicitud_cmep_estado_operativo", "solicitud_cmep(estado_operativo,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_gestor", "solicitud_cmep(gestor_persona_id,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_medico", "solicitud_cmep(medico_persona_id,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_created_by", "solicitud_cmep(created_by,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_gestor_estado", "solicitud_cmep(gestor_persona_id,estado_operativo,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_medico_estado", "solicitud_cmep(medico_persona_id,estado_operativo,solicitud_id)"),
            Map.entry("ix_solicitud_cmep_created_by_estado", "solicitud_cmep(created_by,estado_operativo,solicitud_id)"),
            Map.entry("ix_reporte_solicitud_gestor", "reporte_solicitud(gestor_persona_id,actualizado_en,creado_en)"),
            Map.entry("ix_reporte_solicitud_medico", "reporte_solicitud(medico_persona_id,actualizado_en,creado_en)"),
            Map.entry("ix_reporte_solicitud_operador", "reporte_solicitud(creado_por,actualizado_en,creado_en)"),
            Map.entry("ix_reporte_solicitud_promotor_cliente", "reporte_solicitud(promotor_id,cliente_id,creado_en)"));

    /** domain.md §2.3 and V7 (the current assignees): every foreign key, as table.column -> referenced table.column. */
    private static final Map<String, String> EXPECTED_FOREIGN_KEYS = Map.ofEntries(
            Map.entry("clientes.persona_id", "personas.persona_id"),
            Map.entry("clientes.promotor_id", "promotores.promotor_id"),
            Map.entry("cliente_apoderado.cliente_id", "clientes.persona_id"),
            Map.entry("cliente_apoderado.apoderado_id", "personas.persona_id"),
            Map.entry("promotores.persona_id", "personas.persona_id"),
            Map.entry("empleado.persona_id", "personas.persona_id"),
            Map.entry("medico_extra.persona_id", "personas.persona_id"),
            Map.entry("users.persona_id", "personas.persona_id"),
            Map.entry("user_role.user_id", "users.user_id"),
            Map.entry("user_permissions.user_id", "users.user_id"),
            Map.entry("sessions.user_id", "users.user_id"),
            Map.entry("password_resets.user_id", "users.user_id"),
            Map.entry("solicitud_cmep.cliente_id", "clientes.persona_id"),
            Map.entry("solicitud_cmep.apoderado_id", "personas.persona_id"),
            Map.entry("solicitud_cmep.servicio_id", "servicios.servicio_id"),
            Map.entry("solicitud_cmep.promotor_id", "promotores.promotor_id"),
            Map.entry("solicitud_cmep.cerrado_por", "users.user_id"),
            Map.entry("solicitud_cmep.cancelado_por", "users.user_id"),
            Map.entry("solicitud_cmep.gestor_persona_id", "personas.persona_id"),
            Map.entry("solicitud_cmep.medico_persona_id", "personas.persona_id"),
            Map.entry("solicitud_asignacion.solicitud_id", "solicitud_cmep.solicitud_id"),
            Map.entry("solicitud_asignacion.persona_id", "personas.persona_id"),
            Map.entry("solicitud_asignacion.asignado_por", "users.user_id"),
            Map.entry("solicitud_estado_historial.solicitud_id", "solicitud_cmep.solicitud_id"),
            Map.entry("solicitud_estado_historial.cambiado_por", "users.user_id"),
            Map.entry("pago_solicitud.solicitud_id", "solicitud_cmep.solicitud_id"),
            Map.entry("pago_solicitud.validated_by", "users.user_id"),
            Map.entry("solicitud_archivo.solicitud_id", "solicitud_cmep.solicitud_id"),
            Map.entry("solicitud_archivo.archivo_id", "archivos.archivo_id"),
            Map.entry("solicitud_archivo.pago_id", "pago_solicitud.pago_id"),
            Map.entry("resultado_medico.solicitud_id", "solicitud_cmep.solicitud_id"),
            Map.entry("resultado_medico.medico_id", "personas.persona_id"));

    /** domain.md §2.1 native ENUM columns. */
    private static final Map<String, String> EXPECTED_NATIVE_ENUMS = Map.of(
            "personas.tipo_documento", "enum('DNI','CE','PASAPORTE','RUC')",
            "users.estado", "enum('ACTIVO','SUSPENDIDO')",
            "user_role.user_role", "enum('ADMIN','OPERADOR','GESTOR','MEDICO')");

    /**
     * Every VARCHAR-backed enumeration (domain.md §2.1, §10 #24, #37; V2 login_failure.scope):
     * its CHECK name, the accepted values, values that must be refused (each fits the column,
     * so the CHECK and not the length is what refuses it) and an INSERT exercising the column,
     * whose {@code ?} is the value under test and whose {@code {name}} are fixture ids.
     */
    private record EnumCheck(String table, String column, List<String> values, List<String> refused,
                             boolean nullable, String insert) {
        String constraintName() {
            return "ck_" + table + "_" + column;
        }
    }

    private static final List<EnumCheck> ENUM_CHECKS = List.of(
            new EnumCheck("clientes", "estado", List.of("ACTIVO", "SUSPENDIDO"),
                    List.of("INACTIVO", "activo"), false,
                    "INSERT INTO clientes (persona_id, estado) VALUES ({persona2}, ?)"),
            new EnumCheck("cliente_apoderado", "estado", List.of("ACTIVO", "INACTIVO"),
                    List.of("BORRADO", "inactivo"), false,
                    "INSERT INTO cliente_apoderado (cliente_id, apoderado_id, estado) VALUES ({cliente}, {persona2}, ?)"),
            new EnumCheck("promotores", "tipo_promotor", List.of("PERSONA", "EMPRESA", "OTROS"),
                    List.of("OTRO", "empresa"), false,
                    "INSERT INTO promotores (tipo_promotor) VALUES (?)"),
            new EnumCheck("empleado", "rol_empleado", List.of("OPERADOR", "GESTOR", "MEDICO"),
                    List.of("ADMIN", "medico"), false,
                    "INSERT INTO empleado (persona_id, rol_empleado) VALUES ({persona2}, ?)"),
            new EnumCheck("empleado", "estado_empleado", List.of("ACTIVO", "SUSPENDIDO", "VACACIONES", "PERMISO"),
                    List.of("INACTIVO", "permiso"), false,
                    "INSERT INTO empleado (persona_id, rol_empleado, estado_empleado) VALUES ({persona2}, 'GESTOR', ?)"),
            new EnumCheck("solicitud_cmep", "estado_atencion",
                    List.of("REGISTRADO", "EN_PROCESO", "ATENDIDO", "OBSERVADO", "CANCELADO"),
                    List.of("CERRADO", "registrado"), false,
                    "INSERT INTO solicitud_cmep (cliente_id, estado_atencion) VALUES ({cliente}, ?)"),
            new EnumCheck("solicitud_cmep", "estado_pago", List.of("PENDIENTE", "PAGADO", "OBSERVADO"),
                    List.of("ANULADO", "pagado"), false,
                    "INSERT INTO solicitud_cmep (cliente_id, estado_pago) VALUES ({cliente}, ?)"),
            new EnumCheck("solicitud_cmep", "estado_certificado", List.of("APROBADO", "OBSERVADO"),
                    List.of("RECHAZADO", "aprobado"), true,
                    "INSERT INTO solicitud_cmep (cliente_id, estado_certificado) VALUES ({cliente}, ?)"),
            new EnumCheck("solicitud_cmep", "tarifa_moneda", List.of("PEN", "USD"),
                    List.of("EUR", "pen"), true,
                    "INSERT INTO solicitud_cmep (cliente_id, tarifa_moneda) VALUES ({cliente}, ?)"),
            new EnumCheck("solicitud_cmep", "tarifa_fuente", List.of("SERVICIO", "OVERRIDE"),
                    List.of("MANUAL", "servicio"), true,
                    "INSERT INTO solicitud_cmep (cliente_id, tarifa_fuente) VALUES ({cliente}, ?)"),
            new EnumCheck("solicitud_asignacion", "rol", List.of("OPERADOR", "GESTOR", "MEDICO"),
                    List.of("ADMIN", "gestor"), false,
                    "INSERT INTO solicitud_asignacion (solicitud_id, persona_id, rol) VALUES ({solicitud}, {persona2}, ?)"),
            new EnumCheck("pago_solicitud", "moneda", List.of("PEN", "USD"),
                    List.of("EUR", "usd"), false,
                    "INSERT INTO pago_solicitud (solicitud_id, monto, moneda) VALUES ({solicitud}, 10.00, ?)"),
            new EnumCheck("archivos", "tipo", List.of("EVIDENCIA_PAGO", "DOCUMENTO", "OTROS"),
                    List.of("IMAGEN", "otros"), false,
                    "INSERT INTO archivos (nombre_original, nombre_storage, tipo, storage_path)"
                            + " VALUES ('a.pdf', 'x.pdf', ?, 'uploads/x.pdf')"),
            new EnumCheck("archivos", "estado_verificacion", List.of("PENDIENTE", "VERIFICADO", "RECHAZADO"),
                    List.of("ERROR", "verificado"), false,
                    "INSERT INTO archivos (nombre_original, nombre_storage, tipo, storage_path, estado_verificacion)"
                            + " VALUES ('a.pdf', 'x.pdf', 'OTROS', 'uploads/x.pdf', ?)"),
            new EnumCheck("resultado_medico", "estado_certificado", List.of("APROBADO", "OBSERVADO"),
                    List.of("APTO", "observado"), true,
                    "INSERT INTO resultado_medico (solicitud_id, medico_id, estado_certificado) VALUES ({solicitud}, {persona2}, ?)"),
            new EnumCheck("login_failure", "scope", List.of("ACCOUNT", "ADDRESS"),
                    List.of("USER", "account"), false,
                    "INSERT INTO login_failure (scope, scope_key, failed_at) VALUES (?, 'k', '2026-01-01 00:00:00')"),
            new EnumCheck("login_attempt_lock", "scope", List.of("ACCOUNT", "ADDRESS"),
                    List.of("USER", "address"), false,
                    "INSERT INTO login_attempt_lock (scope, scope_key) VALUES (?, 'k')"),
            new EnumCheck("solicitud_cmep", "estado_operativo",
                    List.of("REGISTRADO", "ASIGNADO_GESTOR", "PAGADO", "ASIGNADO_MEDICO", "CERRADO", "CANCELADO"),
                    List.of("ATENDIDO", "cerrado"), false,
                    "INSERT INTO solicitud_cmep (cliente_id, estado_operativo) VALUES ({cliente}, ?)"));

    private static TestBackend backend;
    private static String jdbcUrl;
    private static MigrateResult firstMigration;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        backend = TestBackends.shared();
        backend.dropDatabase(DATABASE);
        backend.createDatabase(DATABASE);
        jdbcUrl = backend.jdbcUrl(DATABASE);
        firstMigration = flyway().migrate();
    }

    private static Flyway flyway() {
        return Flyway.configure()
                .dataSource(jdbcUrl, backend.databaseUser(), backend.databasePassword())
                .locations("classpath:db/migration")
                .load();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, backend.databaseUser(), backend.databasePassword());
    }

    // ---------------------------------------------------------------- tables and columns

    @Test
    void every_domain_table_exists_after_migrating_an_empty_database() throws SQLException {
        assertThat(firstMigration.success).isTrue();
        assertThat(firstMigration.migrations).extracting(m -> m.version)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");

        Set<String> expected = new TreeSet<>(DOMAIN_TABLES);
        expected.addAll(EVENT_TABLES);
        expected.addAll(REPORT_TABLES);
        expected.addAll(THROTTLE_TABLES);
        expected.addAll(COUNTER_TABLES);
        Set<String> actual = new TreeSet<>(strings("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
                  AND table_name <> 'flyway_schema_history'"""));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void every_table_is_innodb_with_utf8mb4_unicode_ci() throws SQLException {
        List<String> offenders = strings("""
                SELECT CONCAT(table_name, ' ', engine, ' ', table_collation) FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'
                  AND (engine <> 'InnoDB' OR table_collation <> 'utf8mb4_unicode_ci')""");
        assertThat(offenders).isEmpty();
    }

    @Test
    void columns_have_the_spec_types_nullability_and_defaults() throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        for (String line : EXPECTED_COLUMNS.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+", 2);
            List<String> columns = parts[1].equals("+A") ? AUDIT_BLOCK : List.of(parts[1]);
            for (String column : columns) {
                String[] tokens = column.split("\\s+", 2);
                expected.put(parts[0] + "." + tokens[0], tokens[1]);
            }
        }

        Map<String, String> actual = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT table_name, column_name, column_type, is_nullable, column_default, extra
                     FROM information_schema.columns
                     WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'""")) {
            while (rs.next()) {
                boolean nullable = "YES".equals(rs.getString(4));
                actual.put(rs.getString(1) + "." + rs.getString(2), describeColumn(
                        rs.getString(3), nullable, rs.getString(5), rs.getString(6)));
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Normalises MariaDB's and MySQL's spellings to the notation of EXPECTED_COLUMNS. */
    private static String describeColumn(String columnType, boolean nullable, String columnDefault, String extra) {
        String type = columnType.toLowerCase(Locale.ROOT).replaceAll("^(int|bigint)\\(\\d+\\)", "$1");
        if (type.startsWith("enum(")) {
            type = columnType; // values are case-sensitive facts
        }
        String dflt;
        if (columnDefault == null || columnDefault.equalsIgnoreCase("NULL")) {
            dflt = nullable ? "NULL" : "-";
        } else if (columnDefault.toLowerCase(Locale.ROOT).startsWith("current_timestamp")) {
            dflt = "CURRENT_TIMESTAMP";
        } else {
            dflt = columnDefault.replaceAll("^'(.*)'$", "$1");
        }
        String extraLower = extra == null ? "" : extra.toLowerCase(Locale.ROOT);
        String flag = extraLower.contains("auto_increment") ? " ai"
                : extraLower.contains("on update current_timestamp") ? " onupdate" : "";
        return type + " " + (nullable ? "null" : "notnull") + " " + dflt + flag;
    }

    // ---------------------------------------------------------------- keys and indexes

    @Test
    void primary_keys_match_the_spec() throws SQLException {
        Map<String, List<String>> actual = new TreeMap<>();
        for (String row : strings("""
                SELECT CONCAT(table_name, ' ', column_name) FROM information_schema.statistics
                WHERE table_schema = DATABASE() AND index_name = 'PRIMARY'
                  AND table_name <> 'flyway_schema_history'
                ORDER BY table_name, seq_in_index""")) {
            String[] parts = row.split(" ");
            actual.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED_PRIMARY_KEYS));
    }

    @Test
    void unique_keys_have_the_spec_names_and_columns() throws SQLException {
        assertThat(indexes(false)).isEqualTo(new TreeMap<>(EXPECTED_UNIQUE_KEYS));
    }

    @Test
    void declared_lookup_indexes_exist_with_their_columns() throws SQLException {
        Map<String, String> nonUnique = indexes(true);
        assertThat(nonUnique).containsAllEntriesOf(EXPECTED_EXTRA_INDEXES);
        // Any other non-unique index is one InnoDB made for a foreign key (named after it).
        nonUnique.keySet().removeAll(EXPECTED_EXTRA_INDEXES.keySet());
        assertThat(nonUnique.keySet()).allMatch(name -> name.startsWith("fk_"));
    }

    /** Secondary indexes (not PRIMARY) of the schema: name -> table(columns). */
    private static Map<String, String> indexes(boolean nonUnique) throws SQLException {
        Map<String, String> result = new TreeMap<>();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT index_name, table_name,
                            GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',')
                     FROM information_schema.statistics
                     WHERE table_schema = DATABASE() AND index_name <> 'PRIMARY'
                       AND table_name <> 'flyway_schema_history' AND non_unique = ?
                     GROUP BY table_name, index_name""")) {
            ps.setInt(1, nonUnique ? 1 : 0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String previous = result.put(rs.getString(1), rs.getString(2) + "(" + rs.getString(3) + ")");
                    assertThat(previous).as("index name %s used twice", rs.getString(1)).isNull();
                }
            }
        }
        return result;
    }

    @Test
    void every_foreign_key_is_named_after_its_column_and_restricts_update_and_delete() throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT k.constraint_name, k.table_name, k.column_name,
                            k.referenced_table_name, k.referenced_column_name,
                            r.update_rule, r.delete_rule
                     FROM information_schema.key_column_usage k
                     JOIN information_schema.referential_constraints r
                       ON r.constraint_schema = k.constraint_schema
                      AND r.constraint_name = k.constraint_name
                      AND r.table_name = k.table_name
                     WHERE k.table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL""")) {
            while (rs.next()) {
                String table = rs.getString(2);
                String column = rs.getString(3);
                assertThat(rs.getString(1)).isEqualTo("fk_" + table + "_" + column);
                assertThat(rs.getString(6)).as("ON UPDATE of %s.%s", table, column).isEqualTo("RESTRICT");
                assertThat(rs.getString(7)).as("ON DELETE of %s.%s", table, column).isEqualTo("RESTRICT");
                String previous = actual.put(table + "." + column, rs.getString(4) + "." + rs.getString(5));
                assertThat(previous).as("second foreign key on %s.%s", table, column).isNull();
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED_FOREIGN_KEYS));
    }

    @Test
    void a_referenced_row_cannot_be_deleted() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                Map<String, Long> ids = insertFixtures(c);
                assertThatThrownBy(() -> execute(c, "DELETE FROM personas WHERE persona_id = " + ids.get("cliente")))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("fk_clientes_persona_id");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void personas_without_a_document_are_not_constrained_by_the_document_key() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                execute(c, "INSERT INTO personas (nombres, apellidos) VALUES ('Sin', 'Documento')");
                execute(c, "INSERT INTO personas (nombres, apellidos) VALUES ('Sin', 'Documento')");
                execute(c, "INSERT INTO personas (nombres, apellidos, tipo_documento, numero_documento)"
                        + " VALUES ('A', 'B', 'DNI', '99999999')");
                assertThatThrownBy(() -> execute(c,
                        "INSERT INTO personas (nombres, apellidos, tipo_documento, numero_documento)"
                                + " VALUES ('C', 'D', 'DNI', '99999999')"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("uq_persona_documento");
            } finally {
                c.rollback();
            }
        }
    }

    // ---------------------------------------------------------------- enumerations

    @Test
    void every_varchar_enum_has_a_named_check_constraint() throws SQLException {
        Set<String> expected = new TreeSet<>();
        ENUM_CHECKS.forEach(check -> expected.add(check.table() + "." + check.constraintName()));
        Set<String> actual = new TreeSet<>(strings("""
                SELECT CONCAT(table_name, '.', constraint_name) FROM information_schema.table_constraints
                WHERE constraint_schema = DATABASE() AND constraint_type = 'CHECK'"""));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void enum_checks_accept_exactly_the_spec_values() throws SQLException {
        withFixtures((c, ids) -> {
            for (EnumCheck check : ENUM_CHECKS) {
                List<String> accepted = new ArrayList<>(check.values());
                if (check.nullable()) {
                    accepted.add(null);
                }
                for (String value : accepted) {
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        insert(c, check, ids, value);
                    } catch (SQLException e) {
                        fail("%s.%s refused %s: %s", check.table(), check.column(), value, e.getMessage());
                    } finally {
                        c.rollback(savepoint);
                    }
                }
            }
        });
    }

    @Test
    void enum_checks_reject_values_outside_the_spec() throws SQLException {
        withFixtures((c, ids) -> {
            for (EnumCheck check : ENUM_CHECKS) {
                for (String value : check.refused()) {
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        assertThatThrownBy(() -> insert(c, check, ids, value))
                                .as("%s.%s must refuse %s", check.table(), check.column(), value)
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining(check.constraintName());
                    } finally {
                        c.rollback(savepoint);
                    }
                }
            }
        });
    }

    @Test
    void native_enums_have_exactly_the_spec_values() throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT table_name, column_name, column_type FROM information_schema.columns
                     WHERE table_schema = DATABASE() AND data_type = 'enum'""")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }
        assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED_NATIVE_ENUMS));
    }

    @Test
    void native_enums_refuse_values_outside_the_spec() throws SQLException {
        withFixtures((c, ids) -> {
            assertThatThrownBy(() -> execute(c,
                    "INSERT INTO personas (nombres, apellidos, tipo_documento) VALUES ('a', 'b', 'LE')"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c,
                    "UPDATE users SET estado = 'BLOQUEADO' WHERE user_id = " + ids.get("user")))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c,
                    "INSERT INTO user_role (user_id, user_role) VALUES (" + ids.get("user") + ", 'CLIENTE')"))
                    .isInstanceOf(SQLException.class);
        });
    }

    // ---------------------------------------------------------------- idempotence

    @Test
    void migrating_again_applies_nothing() {
        Flyway again = flyway();
        MigrateResult second = again.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(again.info().pending()).isEmpty();
        assertThat(again.info().current().getVersion().getVersion()).isEqualTo(firstMigration.targetSchemaVersion);
    }

    // ---------------------------------------------------------------- helpers

    private interface FixtureWork {
        void run(Connection connection, Map<String, Long> ids) throws SQLException;
    }

    /** Runs {@code work} over fixture rows inside one transaction that is always rolled back. */
    private static void withFixtures(FixtureWork work) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c, insertFixtures(c));
            } finally {
                c.rollback();
            }
        }
    }

    /** A cliente, a second persona, a user and a solicitud, enough to satisfy every FK used. */
    private static Map<String, Long> insertFixtures(Connection c) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("cliente", insertReturningId(c,
                "INSERT INTO personas (nombres, apellidos, tipo_documento, numero_documento)"
                        + " VALUES ('Juan', 'Perez', 'DNI', '12345678')"));
        ids.put("persona2", insertReturningId(c,
                "INSERT INTO personas (nombres, apellidos) VALUES ('Ana', 'Apoderada')"));
        execute(c, "INSERT INTO clientes (persona_id) VALUES (" + ids.get("cliente") + ")");
        ids.put("user", insertReturningId(c,
                "INSERT INTO users (persona_id, password_hash, user_email) VALUES ("
                        + ids.get("persona2") + ", 'x', 'ana@cmep.local')"));
        ids.put("solicitud", insertReturningId(c,
                "INSERT INTO solicitud_cmep (cliente_id) VALUES (" + ids.get("cliente") + ")"));
        return ids;
    }

    private static void insert(Connection c, EnumCheck check, Map<String, Long> ids, String value)
            throws SQLException {
        String sql = check.insert();
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            sql = sql.replace("{" + id.getKey() + "}", String.valueOf(id.getValue()));
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    private static long insertReturningId(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                return keys.getLong(1);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.add(rs.getString(1));
            }
        }
        return result;
    }
}
