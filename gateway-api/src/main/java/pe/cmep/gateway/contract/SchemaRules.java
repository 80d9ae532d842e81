package pe.cmep.gateway.contract;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the response DTOs' Java types do not say and api.md §7 does: which fields may be null, which strings are
 * enums, which strings are dates. Keyed by component name and wire property name; a rule naming a property that no
 * record has fails the build of the document, so a renamed field cannot leave a stale rule behind.
 */
final class SchemaRules {

    private final Map<String, Function<RecordSchemas, Schema<?>>> replacements = new HashMap<>();
    private final Set<String> nullable = new HashSet<>();
    private final Set<String> used = new HashSet<>();

    /** api.md §7.3 and following, field by field. */
    static SchemaRules api() {
        SchemaRules rules = new SchemaRules();
        rules.on("UserDto").inline("estado", "ACTIVO", "SUSPENDIDO").items("roles", ContractEnums.ROL);
        rules.on("PromotorSummary").named("tipo_promotor", ContractEnums.TIPO_PROMOTOR)
                .nullable("ruc", "email", "celular", "fuente_promotor");
        rules.on("SolicitudListItem").named("estado_operativo", ContractEnums.ESTADO_OPERATIVO)
                .nullable("codigo", "apoderado", "gestor", "medico", "promotor", "operador")
                .dateTime("created_at");
        rules.on("SolicitudListItemCliente").named("tipo_documento", ContractEnums.TIPO_DOCUMENTO).nullable("celular");
        rules.on("SolicitudListItemApoderado").named("tipo_documento", ContractEnums.TIPO_DOCUMENTO);
        rules.on("SolicitudDetail")
                .inline("estado_atencion", "REGISTRADO", "EN_PROCESO", "ATENDIDO", "OBSERVADO", "CANCELADO")
                .inline("estado_pago", "PENDIENTE", "PAGADO", "OBSERVADO")
                .inline("estado_certificado", "APROBADO", "OBSERVADO")
                .inline("tipo_atencion", "VIRTUAL", "PRESENCIAL")
                .named("tarifa_moneda", ContractEnums.MONEDA)
                .named("estado_operativo", ContractEnums.ESTADO_OPERATIVO)
                .items("acciones_permitidas", ContractEnums.ACCION)
                .replace("asignaciones_vigentes", SchemaRules::asignacionesVigentes)
                .nullable("codigo", "apoderado", "servicio", "estado_certificado", "tarifa_monto", "tarifa_moneda",
                        "tipo_atencion", "lugar_atencion", "comentario", "promotor", "motivo_cancelacion",
                        "fecha_cierre", "cerrado_por", "fecha_cancelacion", "cancelado_por", "comentario_admin",
                        "updated_at")
                .dateTime("fecha_cierre", "fecha_cancelacion", "created_at", "updated_at");
        rules.on("SolicitudDetailCliente").named("tipo_documento", ContractEnums.TIPO_DOCUMENTO)
                .nullable("celular", "email", "fecha_nacimiento", "direccion").date("fecha_nacimiento");
        rules.on("SolicitudDetailApoderado").named("tipo_documento", ContractEnums.TIPO_DOCUMENTO)
                .nullable("celular_1", "email", "fecha_nacimiento", "direccion").date("fecha_nacimiento");
        rules.on("SolicitudDetailServicio").named("moneda", ContractEnums.MONEDA);
        rules.on("SolicitudDetailAsignacion").named("rol", ContractEnums.ROL);
        rules.on("SolicitudDetailPago").named("moneda", ContractEnums.MONEDA)
                .nullable("referencia_transaccion", "comentario", "validated_at")
                .date("fecha_pago").dateTime("validated_at");
        rules.on("SolicitudDetailArchivo").named("tipo", ContractEnums.TIPO_ARCHIVO)
                .named("estado_verificacion", ContractEnums.ESTADO_VERIFICACION)
                .nullable("pago_id", "nombre", "mime_type", "tamano_bytes", "sha256");
        rules.on("SolicitudDetailHistorial")
                .nullable("valor_anterior", "valor_nuevo", "cambiado_por", "usuario_nombre", "comentario")
                .dateTime("cambiado_en");
        rules.on("SolicitudDetailResultadoMedico").inline("estado_certificado", "APROBADO", "OBSERVADO")
                .nullable("fecha_evaluacion", "diagnostico", "resultado", "observaciones", "recomendaciones",
                        "estado_certificado")
                .date("fecha_evaluacion");
        rules.on("PromotorItem").named("tipo_promotor", ContractEnums.TIPO_PROMOTOR)
                .nullable("razon_social", "nombre_promotor_otros", "ruc", "email", "celular_1", "fuente_promotor",
                        "comentario", "persona_id", "persona_nombres", "persona_apellidos", "persona_tipo_documento",
                        "persona_numero_documento");
        rules.on("EmpleadoItem").named("rol", ContractEnums.ROL);
        rules.on("ServicioItem").named("moneda_tarifa", ContractEnums.MONEDA);
        rules.on("AdminUserDto").items("roles", ContractEnums.ROL)
                .nullable("tipo_documento", "numero_documento", "telefono", "email", "celular_2", "telefono_fijo",
                        "fecha_nacimiento", "direccion", "comentario")
                .date("fecha_nacimiento").dateTime("created_at");
        rules.on("Reporte").nullable("actualizado_en").dateTime("actualizado_en");
        rules.on("ReporteKpis").replace("ingresos_por_moneda", schemas -> amountsByMoneda());
        rules.on("ReporteDistribucionItem").named("estado", ContractEnums.ESTADO_OPERATIVO);
        rules.on("ReporteMiembroItem").nullable("ultima_actividad").dateTime("ultima_actividad");
        rules.on("ArchivoSubido").named("tipo", ContractEnums.TIPO_ARCHIVO)
                .named("estado_verificacion", ContractEnums.ESTADO_VERIFICACION);
        return rules;
    }

    Schema<?> apply(String component, String property, Schema<?> derived, RecordSchemas schemas) {
        String key = component + "." + property;
        Function<RecordSchemas, Schema<?>> replacement = replacements.get(key);
        Schema<?> schema = replacement == null ? derived : replacement.apply(schemas);
        if (replacement != null) {
            used.add(key);
        }
        if (nullable.contains(key)) {
            used.add(key);
            schema = RecordSchemas.nullable(schema);
        }
        return schema;
    }

    /** The rules that matched no record property: a renamed or removed DTO field. */
    Set<String> unused() {
        Set<String> all = new HashSet<>(replacements.keySet());
        all.addAll(nullable);
        all.removeAll(used);
        return all;
    }

    private On on(String component) {
        return new On(component);
    }

    /** Both keys always present (api.md §7.3), each an assignment or null. */
    private static Schema<?> asignacionesVigentes(RecordSchemas schemas) {
        Schema<?> asignacion = RecordSchemas.nullable(
                schemas.ref(pe.cmep.gateway.solicitud.SolicitudDetail.Asignacion.class));
        return new ObjectSchema().addProperty("GESTOR", asignacion).addProperty("MEDICO", asignacion)
                .required(List.of("GESTOR", "MEDICO"));
    }

    /** Always both currencies, 0 when none (api.md §7.12). */
    private static Schema<?> amountsByMoneda() {
        return new ObjectSchema().addProperty("PEN", new NumberSchema())
                .addProperty("USD", new NumberSchema())
                .required(List.of("PEN", "USD"));
    }

    private final class On {

        private final String component;

        On(String component) {
            this.component = component;
        }

        On nullable(String... properties) {
            for (String property : properties) {
                SchemaRules.this.nullable.add(component + "." + property);
            }
            return this;
        }

        On named(String property, ContractEnums.Named named) {
            return replace(property, schemas -> schemas.namedEnum(named.name(), named.values()));
        }

        On items(String property, ContractEnums.Named named) {
            return replace(property, schemas -> new ArraySchema()
                    .items(schemas.namedEnum(named.name(), named.values())));
        }

        On inline(String property, String... values) {
            return replace(property, schemas -> new StringSchema()._enum(List.of(values)));
        }

        On date(String... properties) {
            return format("date", properties);
        }

        On dateTime(String... properties) {
            return format("date-time", properties);
        }

        On replace(String property, Function<RecordSchemas, Schema<?>> replacement) {
            String key = component + "." + property;
            Function<RecordSchemas, Schema<?>> previous = replacements.get(key);
            replacements.put(key, previous == null ? replacement
                    : schemas -> {
                        throw new IllegalStateException("Two schema rules for " + key);
                    });
            return this;
        }

        private On format(String format, String... properties) {
            for (String property : properties) {
                replace(property, schemas -> new StringSchema().format(format));
            }
            return this;
        }
    }
}
