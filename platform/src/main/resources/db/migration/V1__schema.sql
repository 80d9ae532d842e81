-- CMEP schema, version 1: exactly the tables of domain.md §2.2.
--
-- Runs unchanged on MySQL 8.0 and MariaDB 10.11 (Flyway over JDBC).
-- Conventions (domain.md §2, §2.3, §10 #24 #37):
--   * every table: ENGINE=InnoDB, utf8mb4 / utf8mb4_unicode_ci;
--   * every foreign key: ON UPDATE RESTRICT ON DELETE RESTRICT, named fk_<table>_<column>;
--   * TipoDocumento, EstadoUser and UserRoleEnum are native ENUMs; every VARCHAR-backed
--     enum carries a CHECK named ck_<table>_<column> with exactly the values of §2.1.
--     The CHECKs compare under utf8mb4_bin so that the spelling (case included) is exact;
--   * timestamps are DATETIME (naive UTC, no fractional seconds). The application always
--     writes them explicitly; the CURRENT_TIMESTAMP defaults only back that up;
--   * audit block A = created_by, updated_by (plain INT, no FK), created_at, updated_at.

-- ---------------------------------------------------------------------------
-- personas (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE personas (
    persona_id       INT           NOT NULL AUTO_INCREMENT,
    tipo_documento   ENUM('DNI','CE','PASAPORTE','RUC') NULL DEFAULT NULL,
    numero_documento VARCHAR(30)   NULL DEFAULT NULL,
    nombres          VARCHAR(150)  NOT NULL,
    apellidos        VARCHAR(150)  NOT NULL,
    fecha_nacimiento DATE          NULL DEFAULT NULL,
    email            VARCHAR(255)  NULL DEFAULT NULL,
    celular_1        VARCHAR(20)   NULL DEFAULT NULL,
    celular_2        VARCHAR(20)   NULL DEFAULT NULL,
    telefono_fijo    VARCHAR(20)   NULL DEFAULT NULL,
    direccion        VARCHAR(500)  NULL DEFAULT NULL,
    comentario       TEXT          NULL DEFAULT NULL,
    created_by       INT           NULL DEFAULT NULL,
    updated_by       INT           NULL DEFAULT NULL,
    created_at       DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (persona_id),
    CONSTRAINT uq_persona_documento UNIQUE (tipo_documento, numero_documento)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- promotores (+A)  (created before clientes, which references it)
-- ---------------------------------------------------------------------------
CREATE TABLE promotores (
    promotor_id           INT           NOT NULL AUTO_INCREMENT,
    tipo_promotor         VARCHAR(7)    NOT NULL,
    fuente_promotor       VARCHAR(255)  NULL DEFAULT NULL,
    persona_id            INT           NULL DEFAULT NULL,
    razon_social          VARCHAR(255)  NULL DEFAULT NULL,
    nombre_promotor_otros VARCHAR(255)  NULL DEFAULT NULL,
    ruc                   VARCHAR(20)   NULL DEFAULT NULL,
    email                 VARCHAR(255)  NULL DEFAULT NULL,
    celular_1             VARCHAR(20)   NULL DEFAULT NULL,
    comentario            TEXT          NULL DEFAULT NULL,
    tarifa                DECIMAL(12,2) NULL DEFAULT NULL,
    created_by            INT           NULL DEFAULT NULL,
    updated_by            INT           NULL DEFAULT NULL,
    created_at            DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (promotor_id),
    CONSTRAINT fk_promotores_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_promotores_tipo_promotor
        CHECK (tipo_promotor COLLATE utf8mb4_bin IN ('PERSONA','EMPRESA','OTROS'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- clientes (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE clientes (
    persona_id  INT          NOT NULL,
    estado      VARCHAR(10)  NOT NULL DEFAULT 'ACTIVO',
    promotor_id INT          NULL DEFAULT NULL,
    comentario  TEXT         NULL DEFAULT NULL,
    created_by  INT          NULL DEFAULT NULL,
    updated_by  INT          NULL DEFAULT NULL,
    created_at  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  DATETIME     NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (persona_id),
    CONSTRAINT fk_clientes_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_clientes_promotor_id FOREIGN KEY (promotor_id)
        REFERENCES promotores (promotor_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_clientes_estado
        CHECK (estado COLLATE utf8mb4_bin IN ('ACTIVO','SUSPENDIDO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- cliente_apoderado (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE cliente_apoderado (
    id           INT         NOT NULL AUTO_INCREMENT,
    cliente_id   INT         NOT NULL,
    apoderado_id INT         NOT NULL,
    estado       VARCHAR(8)  NOT NULL DEFAULT 'ACTIVO',
    created_by   INT         NULL DEFAULT NULL,
    updated_by   INT         NULL DEFAULT NULL,
    created_at   DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME    NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT uq_cliente_apoderado UNIQUE (cliente_id, apoderado_id),
    CONSTRAINT fk_cliente_apoderado_cliente_id FOREIGN KEY (cliente_id)
        REFERENCES clientes (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_cliente_apoderado_apoderado_id FOREIGN KEY (apoderado_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_cliente_apoderado_estado
        CHECK (estado COLLATE utf8mb4_bin IN ('ACTIVO','INACTIVO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- empleado (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE empleado (
    empleado_id     INT           NOT NULL AUTO_INCREMENT,
    persona_id      INT           NOT NULL,
    rol_empleado    VARCHAR(8)    NOT NULL,
    estado_empleado VARCHAR(10)   NOT NULL DEFAULT 'ACTIVO',
    tipo_empleado   VARCHAR(100)  NULL DEFAULT NULL,
    tarifa_empleado DECIMAL(12,2) NULL DEFAULT NULL,
    comentario      TEXT          NULL DEFAULT NULL,
    created_by      INT           NULL DEFAULT NULL,
    updated_by      INT           NULL DEFAULT NULL,
    created_at      DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (empleado_id),
    CONSTRAINT uq_empleado_persona_rol UNIQUE (persona_id, rol_empleado),
    CONSTRAINT fk_empleado_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_empleado_rol_empleado
        CHECK (rol_empleado COLLATE utf8mb4_bin IN ('OPERADOR','GESTOR','MEDICO')),
    CONSTRAINT ck_empleado_estado_empleado
        CHECK (estado_empleado COLLATE utf8mb4_bin IN ('ACTIVO','SUSPENDIDO','VACACIONES','PERMISO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- medico_extra (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE medico_extra (
    persona_id   INT           NOT NULL,
    tipo_medico  VARCHAR(100)  NULL DEFAULT NULL,
    cmp          VARCHAR(20)   NULL DEFAULT NULL,
    especialidad VARCHAR(150)  NULL DEFAULT NULL,
    comentario   TEXT          NULL DEFAULT NULL,
    created_by   INT           NULL DEFAULT NULL,
    updated_by   INT           NULL DEFAULT NULL,
    created_at   DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (persona_id),
    CONSTRAINT fk_medico_extra_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- users (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE users (
    user_id       INT           NOT NULL AUTO_INCREMENT,
    persona_id    INT           NOT NULL,
    password_hash VARCHAR(255)  NOT NULL,
    user_email    VARCHAR(255)  NOT NULL,
    estado        ENUM('ACTIVO','SUSPENDIDO') NOT NULL DEFAULT 'ACTIVO',
    last_login_at DATETIME      NULL DEFAULT NULL,
    comentario    TEXT          NULL DEFAULT NULL,
    created_by    INT           NULL DEFAULT NULL,
    updated_by    INT           NULL DEFAULT NULL,
    created_at    DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id),
    CONSTRAINT uq_users_persona UNIQUE (persona_id),
    CONSTRAINT uq_users_email UNIQUE (user_email),
    CONSTRAINT fk_users_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- user_role (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE user_role (
    user_id    INT      NOT NULL,
    user_role  ENUM('ADMIN','OPERADOR','GESTOR','MEDICO') NOT NULL,
    created_by INT      NULL DEFAULT NULL,
    updated_by INT      NULL DEFAULT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at DATETIME NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id, user_role),
    -- redundant with the primary key, declared because the spec names it (§2.2, §2.3)
    CONSTRAINT uq_user_role UNIQUE (user_id, user_role),
    CONSTRAINT fk_user_role_user_id FOREIGN KEY (user_id)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- user_permissions (+A)
-- ---------------------------------------------------------------------------
CREATE TABLE user_permissions (
    id              INT          NOT NULL AUTO_INCREMENT,
    user_id         INT          NOT NULL,
    permission_code VARCHAR(100) NOT NULL,
    created_by      INT          NULL DEFAULT NULL,
    updated_by      INT          NULL DEFAULT NULL,
    created_at      DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      DATETIME     NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT uq_user_permission UNIQUE (user_id, permission_code),
    CONSTRAINT fk_user_permissions_user_id FOREIGN KEY (user_id)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- sessions (no audit block)
-- session_id = HMAC-SHA-256 of the cookie value, 64 lowercase hex chars (§6.3, §10 #37)
-- ---------------------------------------------------------------------------
CREATE TABLE sessions (
    session_id   VARCHAR(64) NOT NULL,
    user_id      INT         NOT NULL,
    created_at   DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at   DATETIME    NOT NULL,
    last_seen_at DATETIME    NULL DEFAULT NULL,
    PRIMARY KEY (session_id),
    CONSTRAINT fk_sessions_user_id FOREIGN KEY (user_id)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_sessions_expires_at ON sessions (expires_at);

-- ---------------------------------------------------------------------------
-- password_resets (no writer, §10 #20)
-- ---------------------------------------------------------------------------
CREATE TABLE password_resets (
    reset_id   INT          NOT NULL AUTO_INCREMENT,
    user_id    INT          NOT NULL,
    token_hash VARCHAR(255) NOT NULL,
    expires_at DATETIME     NOT NULL,
    used_at    DATETIME     NULL DEFAULT NULL,
    created_by INT          NULL DEFAULT NULL,
    created_at DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (reset_id),
    CONSTRAINT fk_password_resets_user_id FOREIGN KEY (user_id)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- servicios (+A)   moneda_tarifa is deliberately not constrained (§2.2)
-- ---------------------------------------------------------------------------
CREATE TABLE servicios (
    servicio_id              INT           NOT NULL AUTO_INCREMENT,
    descripcion_servicio     VARCHAR(255)  NOT NULL,
    caracteristicas_servicio TEXT          NULL DEFAULT NULL,
    tarifa_servicio          DECIMAL(12,2) NOT NULL,
    moneda_tarifa            VARCHAR(3)    NOT NULL DEFAULT 'PEN',
    created_by               INT           NULL DEFAULT NULL,
    updated_by               INT           NULL DEFAULT NULL,
    created_at               DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at               DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (servicio_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- solicitud_cmep (+A)   tipo_atencion is free text in the column (§2.1)
-- ---------------------------------------------------------------------------
CREATE TABLE solicitud_cmep (
    solicitud_id       INT           NOT NULL AUTO_INCREMENT,
    codigo             VARCHAR(20)   NULL DEFAULT NULL,
    cliente_id         INT           NOT NULL,
    apoderado_id       INT           NULL DEFAULT NULL,
    servicio_id        INT           NULL DEFAULT NULL,
    promotor_id        INT           NULL DEFAULT NULL,
    estado_atencion    VARCHAR(10)   NOT NULL DEFAULT 'REGISTRADO',
    estado_pago        VARCHAR(9)    NOT NULL DEFAULT 'PENDIENTE',
    estado_certificado VARCHAR(9)    NULL DEFAULT NULL,
    tarifa_monto       DECIMAL(12,2) NULL DEFAULT NULL,
    tarifa_moneda      VARCHAR(3)    NULL DEFAULT NULL,
    tarifa_fuente      VARCHAR(8)    NULL DEFAULT NULL,
    tipo_atencion      VARCHAR(20)   NULL DEFAULT NULL,
    lugar_atencion     VARCHAR(255)  NULL DEFAULT NULL,
    comentario         TEXT          NULL DEFAULT NULL,
    motivo_cancelacion TEXT          NULL DEFAULT NULL,
    fecha_cierre       DATETIME      NULL DEFAULT NULL,
    cerrado_por        INT           NULL DEFAULT NULL,
    fecha_cancelacion  DATETIME      NULL DEFAULT NULL,
    cancelado_por      INT           NULL DEFAULT NULL,
    comentario_admin   TEXT          NULL DEFAULT NULL,
    created_by         INT           NULL DEFAULT NULL,
    updated_by         INT           NULL DEFAULT NULL,
    created_at         DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (solicitud_id),
    CONSTRAINT uq_solicitud_codigo UNIQUE (codigo),
    CONSTRAINT fk_solicitud_cmep_cliente_id FOREIGN KEY (cliente_id)
        REFERENCES clientes (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_cmep_apoderado_id FOREIGN KEY (apoderado_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_cmep_servicio_id FOREIGN KEY (servicio_id)
        REFERENCES servicios (servicio_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_cmep_promotor_id FOREIGN KEY (promotor_id)
        REFERENCES promotores (promotor_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_cmep_cerrado_por FOREIGN KEY (cerrado_por)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_cmep_cancelado_por FOREIGN KEY (cancelado_por)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_solicitud_cmep_estado_atencion
        CHECK (estado_atencion COLLATE utf8mb4_bin IN ('REGISTRADO','EN_PROCESO','ATENDIDO','OBSERVADO','CANCELADO')),
    CONSTRAINT ck_solicitud_cmep_estado_pago
        CHECK (estado_pago COLLATE utf8mb4_bin IN ('PENDIENTE','PAGADO','OBSERVADO')),
    CONSTRAINT ck_solicitud_cmep_estado_certificado
        CHECK (estado_certificado COLLATE utf8mb4_bin IN ('APROBADO','OBSERVADO')),
    CONSTRAINT ck_solicitud_cmep_tarifa_moneda
        CHECK (tarifa_moneda COLLATE utf8mb4_bin IN ('PEN','USD')),
    CONSTRAINT ck_solicitud_cmep_tarifa_fuente
        CHECK (tarifa_fuente COLLATE utf8mb4_bin IN ('SERVICIO','OVERRIDE'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_solicitud_cmep_created_at ON solicitud_cmep (created_at);

-- ---------------------------------------------------------------------------
-- solicitud_asignacion (+A)
-- No unique key on vigente rows: the application keeps at most one per (solicitud, rol).
-- ---------------------------------------------------------------------------
CREATE TABLE solicitud_asignacion (
    asignacion_id    INT         NOT NULL AUTO_INCREMENT,
    solicitud_id     INT         NOT NULL,
    persona_id       INT         NOT NULL,
    rol              VARCHAR(8)  NOT NULL,
    es_vigente       TINYINT(1)  NOT NULL DEFAULT 1,
    asignado_por     INT         NULL DEFAULT NULL,
    fecha_asignacion DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_by       INT         NULL DEFAULT NULL,
    updated_by       INT         NULL DEFAULT NULL,
    created_at       DATETIME    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       DATETIME    NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (asignacion_id),
    CONSTRAINT fk_solicitud_asignacion_solicitud_id FOREIGN KEY (solicitud_id)
        REFERENCES solicitud_cmep (solicitud_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_asignacion_persona_id FOREIGN KEY (persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_asignacion_asignado_por FOREIGN KEY (asignado_por)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_solicitud_asignacion_rol
        CHECK (rol COLLATE utf8mb4_bin IN ('OPERADOR','GESTOR','MEDICO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_solicitud_asignacion_solicitud_rol_vigente
    ON solicitud_asignacion (solicitud_id, rol, es_vigente);

-- ---------------------------------------------------------------------------
-- solicitud_estado_historial (no audit block)
-- ---------------------------------------------------------------------------
CREATE TABLE solicitud_estado_historial (
    historial_id   INT          NOT NULL AUTO_INCREMENT,
    solicitud_id   INT          NOT NULL,
    campo          VARCHAR(100) NOT NULL,
    valor_anterior TEXT         NULL DEFAULT NULL,
    valor_nuevo    TEXT         NULL DEFAULT NULL,
    cambiado_por   INT          NULL DEFAULT NULL,
    cambiado_en    DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    comentario     TEXT         NULL DEFAULT NULL,
    PRIMARY KEY (historial_id),
    CONSTRAINT fk_solicitud_estado_historial_solicitud_id FOREIGN KEY (solicitud_id)
        REFERENCES solicitud_cmep (solicitud_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_estado_historial_cambiado_por FOREIGN KEY (cambiado_por)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_solicitud_estado_historial_solicitud_cambiado_en
    ON solicitud_estado_historial (solicitud_id, cambiado_en);

-- ---------------------------------------------------------------------------
-- pago_solicitud (+A)   moneda: the TarifaMoneda values (§2.1, §10 #15)
-- ---------------------------------------------------------------------------
CREATE TABLE pago_solicitud (
    pago_id                INT           NOT NULL AUTO_INCREMENT,
    solicitud_id           INT           NOT NULL,
    canal_pago             VARCHAR(50)   NULL DEFAULT NULL,
    fecha_pago             DATE          NULL DEFAULT NULL,
    monto                  DECIMAL(12,2) NOT NULL,
    moneda                 VARCHAR(3)    NOT NULL DEFAULT 'PEN',
    referencia_transaccion VARCHAR(255)  NULL DEFAULT NULL,
    comentario             TEXT          NULL DEFAULT NULL,
    validated_by           INT           NULL DEFAULT NULL,
    validated_at           DATETIME      NULL DEFAULT NULL,
    created_by             INT           NULL DEFAULT NULL,
    updated_by             INT           NULL DEFAULT NULL,
    created_at             DATETIME      NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at             DATETIME      NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (pago_id),
    CONSTRAINT fk_pago_solicitud_solicitud_id FOREIGN KEY (solicitud_id)
        REFERENCES solicitud_cmep (solicitud_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_pago_solicitud_validated_by FOREIGN KEY (validated_by)
        REFERENCES users (user_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_pago_solicitud_moneda
        CHECK (moneda COLLATE utf8mb4_bin IN ('PEN','USD'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_pago_solicitud_fecha_pago ON pago_solicitud (fecha_pago);

-- ---------------------------------------------------------------------------
-- archivos (+A)   estado_verificacion / sha256 / motivo_rechazo set by the file-worker (§8, §10 #37)
-- ---------------------------------------------------------------------------
CREATE TABLE archivos (
    archivo_id          INT          NOT NULL AUTO_INCREMENT,
    nombre_original     VARCHAR(255) NOT NULL,
    nombre_storage      VARCHAR(255) NOT NULL,
    tipo                VARCHAR(14)  NOT NULL,
    mime_type           VARCHAR(100) NULL DEFAULT NULL,
    tamano_bytes        INT          NULL DEFAULT NULL,
    storage_path        VARCHAR(500) NOT NULL,
    estado_verificacion VARCHAR(10)  NOT NULL DEFAULT 'PENDIENTE',
    sha256              CHAR(64)     NULL DEFAULT NULL,
    motivo_rechazo      TEXT         NULL DEFAULT NULL,
    created_by          INT          NULL DEFAULT NULL,
    updated_by          INT          NULL DEFAULT NULL,
    created_at          DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          DATETIME     NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (archivo_id),
    CONSTRAINT ck_archivos_tipo
        CHECK (tipo COLLATE utf8mb4_bin IN ('EVIDENCIA_PAGO','DOCUMENTO','OTROS')),
    CONSTRAINT ck_archivos_estado_verificacion
        CHECK (estado_verificacion COLLATE utf8mb4_bin IN ('PENDIENTE','VERIFICADO','RECHAZADO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- solicitud_archivo
-- ---------------------------------------------------------------------------
CREATE TABLE solicitud_archivo (
    id           INT      NOT NULL AUTO_INCREMENT,
    solicitud_id INT      NOT NULL,
    archivo_id   INT      NOT NULL,
    pago_id      INT      NULL DEFAULT NULL,
    created_by   INT      NULL DEFAULT NULL,
    created_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    CONSTRAINT fk_solicitud_archivo_solicitud_id FOREIGN KEY (solicitud_id)
        REFERENCES solicitud_cmep (solicitud_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_archivo_archivo_id FOREIGN KEY (archivo_id)
        REFERENCES archivos (archivo_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_solicitud_archivo_pago_id FOREIGN KEY (pago_id)
        REFERENCES pago_solicitud (pago_id) ON UPDATE RESTRICT ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------
-- resultado_medico (created_by/created_at/updated_at only, no updated_by)
-- ---------------------------------------------------------------------------
CREATE TABLE resultado_medico (
    resultado_id       INT          NOT NULL AUTO_INCREMENT,
    solicitud_id       INT          NOT NULL,
    medico_id          INT          NOT NULL,
    fecha_evaluacion   DATE         NULL DEFAULT NULL,
    diagnostico        TEXT         NULL DEFAULT NULL,
    resultado          VARCHAR(50)  NULL DEFAULT NULL,
    observaciones      TEXT         NULL DEFAULT NULL,
    recomendaciones    TEXT         NULL DEFAULT NULL,
    estado_certificado VARCHAR(9)   NULL DEFAULT NULL,
    created_by         INT          NULL DEFAULT NULL,
    created_at         DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         DATETIME     NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (resultado_id),
    CONSTRAINT fk_resultado_medico_solicitud_id FOREIGN KEY (solicitud_id)
        REFERENCES solicitud_cmep (solicitud_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT fk_resultado_medico_medico_id FOREIGN KEY (medico_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    CONSTRAINT ck_resultado_medico_estado_certificado
        CHECK (estado_certificado COLLATE utf8mb4_bin IN ('APROBADO','OBSERVADO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
