package pe.cmep.system.authz;

import pe.cmep.system.authz.AuthorizationMatrixIT.Expected;
import pe.cmep.system.authz.MatrixFixtures.Estado;

/**
 * A valid request the policy lets through can still be refused by the action's own preconditions (api.md §7.5);
 * these are the refusals the contract documents, for the matrix's solicitudes: unpaid in REGISTRADO,
 * ASIGNADO_GESTOR and CANCELADO (cancelled from REGISTRADO), paid from PAGADO on, a doctor from ASIGNADO_MEDICO on.
 */
final class DomainRefusals {

    private DomainRefusals() {
    }

    static Expected of(String action, Estado estado) {
        boolean paid = estado == Estado.PAGADO || estado == Estado.ASIGNADO_MEDICO || estado == Estado.CERRADO;
        boolean doctor = estado == Estado.ASIGNADO_MEDICO || estado == Estado.CERRADO;
        return switch (action) {
            // §7.5 "Payment precondition for the doctor": both médico endpoints, after the policy, 422
            case "ASIGNAR_MEDICO", "CAMBIAR_MEDICO" -> paid ? Expected.success()
                    : Expected.refusal(422, "VALIDATION_ERROR");
            // §7.5 cerrar: ATENDIDA, CANCELADA, no payment, no doctor, in that order, each 409
            case "CERRAR" -> estado == Estado.CERRADO ? Expected.refusal(409, "CONFLICT", "ATENDIDA")
                    : estado == Estado.CANCELADO ? Expected.refusal(409, "CONFLICT", "CANCELADA")
                    : !paid ? Expected.refusal(409, "CONFLICT", "pago")
                    : !doctor ? Expected.refusal(409, "CONFLICT", "medico")
                    : Expected.success();
            // §7.5 cancelar: already CANCELADO, 409
            case "CANCELAR" -> estado == Estado.CANCELADO ? Expected.refusal(409, "CONFLICT", "CANCELADA")
                    : Expected.success();
            default -> Expected.success();
        };
    }
}
