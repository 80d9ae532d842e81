-- CMEP schema, version 7: what the solicitud list filters and orders on, kept on the solicitud row.
-- estado_operativo is derived (domain.md §3) from estado_atencion, estado_pago and the vigente assignments; the
-- list must filter on it, and on the current gestor and medico (mine=true), in solicitud_id order without reading
-- every row. So the derived state and the current assignees are written on the row, in the same transaction as
-- every change that moves them; each has an index that ends in solicitud_id, so a page is read in index order.
ALTER TABLE solicitud_cmep
    ADD COLUMN estado_operativo  VARCHAR(15) NOT NULL DEFAULT 'REGISTRADO' AFTER estado_certificado,
    ADD COLUMN gestor_persona_id INT         NULL DEFAULT NULL AFTER estado_operativo,
    ADD COLUMN medico_persona_id INT         NULL DEFAULT NULL AFTER gestor_persona_id,
    ADD CONSTRAINT ck_solicitud_cmep_estado_operativo
        CHECK (estado_operativo COLLATE utf8mb4_bin IN
               ('REGISTRADO','ASIGNADO_GESTOR','PAGADO','ASIGNADO_MEDICO','CERRADO','CANCELADO'));

CREATE INDEX ix_solicitud_cmep_estado_operativo ON solicitud_cmep (estado_operativo, solicitud_id);
CREATE INDEX ix_solicitud_cmep_gestor ON solicitud_cmep (gestor_persona_id, solicitud_id);
CREATE INDEX ix_solicitud_cmep_medico ON solicitud_cmep (medico_persona_id, solicitud_id);
CREATE INDEX ix_solicitud_cmep_created_by ON solicitud_cmep (created_by, solicitud_id);
-- mine=true together with a state: without these the two indexes above meet in an intersection that is then sorted
CREATE INDEX ix_solicitud_cmep_gestor_estado ON solicitud_cmep (gestor_persona_id, estado_operativo, solicitud_id);
CREATE INDEX ix_solicitud_cmep_medico_estado ON solicitud_cmep (medico_persona_id, estado_operativo, solicitud_id);
CREATE INDEX ix_solicitud_cmep_created_by_estado ON solicitud_cmep (created_by, estado_operativo, solicitud_id);

-- after the indexes, which also serve the foreign keys (no extra index is made for them)
ALTER TABLE solicitud_cmep
    ADD CONSTRAINT fk_solicitud_cmep_gestor_persona_id FOREIGN KEY (gestor_persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    ADD CONSTRAINT fk_solicitud_cmep_medico_persona_id FOREIGN KEY (medico_persona_id)
        REFERENCES personas (persona_id) ON UPDATE RESTRICT ON DELETE RESTRICT;

-- The rows already there, by the rules of domain.md §3 (the newest vigente row where a role has several).
-- updated_at is named so that ON UPDATE CURRENT_TIMESTAMP leaves it as it was.
UPDATE solicitud_cmep s
SET s.gestor_persona_id = (SELECT a.persona_id FROM solicitud_asignacion a
                           WHERE a.solicitud_id = s.solicitud_id AND a.rol = 'GESTOR' AND a.es_vigente = 1
                           ORDER BY a.asignacion_id DESC LIMIT 1),
    s.medico_persona_id = (SELECT a.persona_id FROM solicitud_asignacion a
                           WHERE a.solicitud_id = s.solicitud_id AND a.rol = 'MEDICO' AND a.es_vigente = 1
                           ORDER BY a.asignacion_id DESC LIMIT 1),
    s.updated_at = s.updated_at;

UPDATE solicitud_cmep s
SET s.estado_operativo = CASE
        WHEN s.estado_atencion = 'CANCELADO' THEN 'CANCELADO'
        WHEN s.estado_atencion = 'ATENDIDO' THEN 'CERRADO'
        WHEN s.estado_pago = 'PAGADO' AND s.medico_persona_id IS NOT NULL THEN 'ASIGNADO_MEDICO'
        WHEN s.estado_pago = 'PAGADO' THEN 'PAGADO'
        WHEN s.gestor_persona_id IS NOT NULL THEN 'ASIGNADO_GESTOR'
        ELSE 'REGISTRADO' END,
    s.updated_at = s.updated_at;
