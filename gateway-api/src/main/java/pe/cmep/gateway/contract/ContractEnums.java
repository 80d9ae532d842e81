package pe.cmep.gateway.contract;

import java.util.Arrays;
import java.util.List;
import pe.cmep.events.EstadoOperativo;
import pe.cmep.gateway.auth.Roles;
import pe.cmep.gateway.policy.Accion;

/**
 * The enums api.md names and the web app types by name: each becomes one component schema. Taken from the code's own
 * enums where there is one, else written as api.md lists them.
 */
final class ContractEnums {

    static final Named ESTADO_OPERATIVO = new Named("EstadoOperativo", names(EstadoOperativo.values()));
    static final Named ACCION = new Named("Accion", names(Accion.values()));
    static final Named ROL = new Named("Rol", Roles.ALL);
    static final Named TIPO_DOCUMENTO = new Named("TipoDocumento", List.of("DNI", "CE", "PASAPORTE", "RUC"));
    static final Named TIPO_PROMOTOR = new Named("TipoPromotor", List.of("PERSONA", "EMPRESA", "OTROS"));
    static final Named TIPO_ARCHIVO = new Named("TipoArchivo", List.of("EVIDENCIA_PAGO", "DOCUMENTO", "OTROS"));
    static final Named ESTADO_VERIFICACION =
            new Named("EstadoVerificacion", List.of("PENDIENTE", "VERIFICADO", "RECHAZADO"));
    static final Named MONEDA = new Named("Moneda", List.of("PEN", "USD"));

    private ContractEnums() {
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    record Named(String name, List<String> values) {
    }
}
